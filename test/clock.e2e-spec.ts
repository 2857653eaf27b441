import { START } from '@app/ledger';
import { FixedClock } from '@app/runtime';
import { auth } from './support/actors';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

/**
 * Every time the server records comes from the injected Clock: with a fixed clock the
 * event's occurredAt and recordedAt and the checkpoint's signing time are that instant,
 * never the machine's time.
 */
describe('the injected clock', () => {
  const AT = '2021-06-15T02:00:00.000Z';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LEDGER_CHECKPOINT_EVENTS: '1' }, { clock: new FixedClock(AT, 'Asia/Shanghai') });
  });
  afterAll(() => t.close());

  it('stamps a write and its checkpoint with the fixed instant', async () => {
    await t
      .http()
      .post('/api/v1/units')
      .set(auth(ADMIN_TOKEN))
      .send({ code: 'town-clock', name: '时钟镇', kind: 'town' })
      .expect(201);
    const [event] = await t.store().readAll(START, 10);
    expect(event.type).toBe('UnitRegistered');
    expect(new Date(event.occurredAt).toISOString()).toBe(AT);
    expect(event.recordedAt).toBe(AT);

    let checkpoint: { size: number; signedAt: string } | undefined;
    for (let attempt = 0; attempt < 200 && checkpoint?.size !== 1; attempt++) {
      const res = await t.http().get('/api/v1/audit/checkpoint').set(auth(ADMIN_TOKEN));
      if (res.status === 200) checkpoint = res.body;
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(checkpoint).toMatchObject({ size: 1, signedAt: AT });
  });
});
