import { Worker } from 'node:worker_threads';
import { AuditService } from '../apps/api/src/audit/audit.service';
import { ProjectionThread } from '../apps/api/src/read-models/projection-thread';
import { ReadModels } from '../apps/api/src/read-models/read-models.service';
import { auth, openMatterBody, seedActors, Actors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

describe('the projection worker (read models and audit tree off the request thread)', () => {
  let t: TestApp;
  let a: Actors;
  const workerOf = () => (t.app.get(ProjectionThread) as unknown as { worker: Worker | null }).worker;

  beforeAll(async () => {
    // Long enough for a restarted worker to load (the test compiles it from the sources).
    t = await startTestApp({ LEDGER_MIN_POSITION_TIMEOUT_MS: '60000' });
    a = await seedActors(t);
  });
  afterAll(() => t.close());

  it('runs the runners on another thread, and a write is read back at once (read-your-writes through its reports)', async () => {
    expect(workerOf()).toBeInstanceOf(Worker);
    const written = await t.http().post('/api/v1/matters').set(auth(a.registrar)).send(openMatterBody()).expect(201);
    const read = await t.http().get(`/api/v1/matters/${written.body.id}`).set(auth(a.analyst)).expect(200);
    expect(BigInt(read.headers['x-ledger-position'])).toBeGreaterThanOrEqual(BigInt(written.body.position));
    const head = (await t.store().head()).position;
    expect(await t.app.get(AuditService).runner.waitFor(head, 20_000)).toBe(true);
    expect(t.app.get(ReadModels).live.position).toBe(head);
  });

  it('a worker that dies is started again and takes up where its checkpoints are', async () => {
    const first = workerOf()!;
    await first.terminate();
    const written = await t.http().post('/api/v1/matters').set(auth(a.registrar)).send(openMatterBody()).expect(201);
    const read = await t.http().get(`/api/v1/matters/${written.body.id}`).set(auth(a.analyst)).expect(200);
    expect(read.body.id).toBe(written.body.id);
    expect(workerOf()).not.toBe(first);
    const head = (await t.store().head()).position;
    expect(await t.app.get(AuditService).runner.waitFor(head, 20_000)).toBe(true);
    await t.http().get('/health/ready').expect(200);
  });
});
