import { Actors, auth, openMatterBody, seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

describe('publishing does not wait for the checkpoint interval', () => {
  let t: TestApp;
  let a: Actors;
  beforeAll(async () => {
    // An interval far longer than the test: only an on-demand cut can cover the figures in time.
    t = await startTestApp({
      LEDGER_CHECKPOINT_EVENTS: '100000',
      LEDGER_CHECKPOINT_SECONDS: '3600',
      LEDGER_MIN_POSITION_TIMEOUT_MS: '3000',
    });
    a = await seedActors(t);
  });
  afterAll(() => t.close());

  it('cuts a signed checkpoint over every acknowledged write and records it in the publication', async () => {
    await t
      .http()
      .post('/api/v1/matters')
      .set(auth(a.registrar))
      .send(openMatterBody({ id: 'PUB-1' }))
      .expect(201);
    const head = (await t.store().head()).position;
    const res = await t.http().post('/api/v1/bulletins/2022-03-H1/publish').set(auth(a.analyst)).send({}).expect(201);
    expect(BigInt(res.body.checkpoint.position) >= head).toBe(true);
    expect(res.body.checkpoint.rootHash).toMatch(/^[0-9a-f]{64}$/);
    const checkpoint = await t.http().get('/api/v1/audit/checkpoint').set(auth(a.auditor)).expect(200);
    expect(checkpoint.body.size).toBeGreaterThanOrEqual(Number(head));
    // Without the on-demand cut the request would wait for the hour-long interval and time out.
  }, 20_000);
});
