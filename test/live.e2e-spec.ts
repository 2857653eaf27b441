import { EventBus, ofType } from '@nestjs/cqrs';
import { findMatter } from '@app/projections';
import { LedgerEventApplied } from '../apps/api/src/live';
import { ReadModels } from '../apps/api/src/read-models/read-models.service';
import { auth } from './support/actors';
import { AT, expectProblem, MatterApi, startMatterApi } from './support/matter-api';
import { SseClient } from './support/sse-client';
import type { TestApp } from './support/test-app';
import type { Actors } from './support/actors';

/** GET /api/v1/live over a real socket, fed by the post-commit EventBus (issues 9 and 10). */
describe('live notices: the post-commit EventBus and GET /api/v1/live', () => {
  let t: TestApp;
  let a: Actors;
  let m: MatterApi;
  const open: SseClient[] = [];
  const follow = async (token: string, headers: Record<string, string> = {}) => {
    const client = await SseClient.open(t, '/api/v1/live', { ...auth(token), ...headers });
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    ({ t, a, m } = await startMatterApi({ LEDGER_LIVE_HEARTBEAT_SECONDS: '1' }));
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.close();
  });
  afterAll(() => t.close());

  it('publishes each applied event on the EventBus once the read models reflect it, without its data', async () => {
    const bus = t.app.get(EventBus);
    const readModels = t.app.get(ReadModels);
    const seen: Array<{ notice: LedgerEventApplied; status: string | undefined; reflected: boolean }> = [];
    const subscription = bus.pipe(ofType(LedgerEventApplied)).subscribe((notice) => {
      // Read at the moment of the notice: the read models already hold the event.
      const row = findMatter(readModels.db, 'BUS-1');
      seen.push({ notice, status: row?.state.status, reflected: readModels.live.position >= notice.position });
    });
    try {
      const id = await m.matterAt('accepted', {}, 'BUS-1');
      const reply = await m
        .post(`/matters/${id}/replies`, a.handler, { outcome: 'supported', note: '已答复', occurredAt: AT.replied })
        .expect(201);
      const position = BigInt(reply.body.position as string);
      await readModels.ready(position);
      await waitFor(() => seen.some((s) => s.notice.position === position), 'the reply’s notice');
      const replied = seen.find((s) => s.notice.position === position)!;
      expect(replied.notice).toEqual(
        new LedgerEventApplied(position, 'matter-BUS-1', 'ReplyIssued', expect.any(String) as unknown as string),
      );
      expect(replied.status).toBe('replied');
      expect(seen.every((s) => s.reflected)).toBe(true);
      // Each event once, in log order, and nothing of its data (no petitioner, no summary).
      const positions = seen.map((s) => s.notice.position);
      expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
      expect(Object.keys(replied.notice).sort()).toEqual(['position', 'recordedAt', 'stream', 'type']);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('refuses a stream without a valid bearer token (401), a token in the URL, and a bad Last-Event-ID (400)', async () => {
    expectProblem(await t.http().get('/api/v1/live'), 401);
    expectProblem(await t.http().get(`/api/v1/live?token=${a.leader}`), 401);
    expectProblem(await t.http().get('/api/v1/live').set(auth('no-such-token-0123456789')), 401);
    expectProblem(await t.http().get('/api/v1/live').set(auth(a.leader)).set('Last-Event-ID', '12abc'), 400);
  });

  it('sends a notice for a write, and a read made after it sees the write', async () => {
    const leader = await follow(a.leader);
    expect(leader.status).toBe(200);
    expect(leader.response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(leader.response.headers['cache-control']).toMatch(/no-store/);
    await leader.next('ready');
    const id = await m.matterAt('accepted');
    const reply = await m
      .post(`/matters/${id}/replies`, a.handler, { outcome: 'supported', note: '已答复', occurredAt: AT.replied })
      .expect(201);
    await leader.until(() => leader.notices().some((n) => n.position === reply.body.position), 'the reply’s notice');
    const notice = leader.notices().find((n) => n.position === reply.body.position)!;
    expect(notice).toEqual({
      position: reply.body.position,
      id: reply.body.position,
      kind: 'matter',
      matterId: id,
      type: 'ReplyIssued',
    });
    const read = await m.get(`/matters/${id}?minPosition=${notice.position}`, a.leader).expect(200);
    expect(read.body.status).toBe('replied');
    // The leader's reading of personal data is a pd-access event: never told (a page would loop on it).
    await m.post('/units', a.admin, { code: 'town-live', name: '直播镇', kind: 'town' }).expect(201);
    await leader.until(() => leader.notices().some((n) => n.kind === 'unit'), 'the unit’s notice');
    expect(leader.notices().filter((n) => n.kind === 'pd-access')).toEqual([]);
    expect(JSON.stringify(leader.messages)).not.toMatch(/张三丰|11010119900307123X|13812345678|已答复/);
  });

  it('resumes after Last-Event-ID with the missed notices, each once, then goes on live', async () => {
    const first = await follow(a.leader);
    const ready = await first.next('ready');
    first.close();
    const missed = await m.matterAt('assigned');
    const expected = (await t.store().readAll(BigInt(ready.id!) + 1n, 1000))
      .filter((e) => !e.stream.startsWith('pd-access-'))
      .map((e) => e.position.toString());
    expect(expected.length).toBeGreaterThanOrEqual(2);

    const again = await follow(a.leader, { 'Last-Event-ID': ready.id! });
    const resumed = await again.next('ready');
    expect(again.notices().map((n) => n.position)).toEqual(expected);
    expect(again.notices().map((n) => n.matterId)).toEqual(expected.map(() => missed));
    expect(resumed.id).toBe(expected[expected.length - 1]);
    const later = await m.post(`/matters/${missed}/acceptance`, a.handler, { accepted: true }).expect(201);
    await again.until(() => again.notices().some((n) => n.position === later.body.position), 'the live notice');
    const ids = again.notices().map((n) => n.position);
    expect(ids).toEqual([...expected, later.body.position]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tells a handler only of its units’ matters, and says `reset` for a position the ledger never had', async () => {
    const housing = await follow(a.handler);
    const townB = await follow(a.otherHandler);
    await Promise.all([housing.next('ready'), townB.next('ready')]);
    const id = await m.matterAt('accepted');
    await m.post('/units', a.admin, { code: 'town-sentinel', name: '哨兵镇', kind: 'town' }).expect(201);
    for (const client of [housing, townB])
      await client.until(() => client.notices().some((n) => n.kind === 'unit'), 'the unit’s notice');
    expect(
      housing
        .notices()
        .filter((n) => n.matterId === id)
        .map((n) => n.type),
    ).toEqual(expect.arrayContaining(['MatterAssigned', 'AcceptanceDecided']));
    expect(townB.notices().filter((n) => n.kind === 'matter' || n.matterId !== undefined)).toEqual([]);
    // Its heartbeat carries the position it is at, so a reconnect skips what it may not see.
    await townB.until(() => townB.comments.includes('heartbeat'), 'a heartbeat');
    expect(BigInt(townB.lastEventId!)).toBeGreaterThanOrEqual(BigInt(housing.notices().at(-1)!.position));

    const lost = await follow(a.leader, { 'Last-Event-ID': '999999999' });
    const reset = await lost.next('reset');
    expect(JSON.parse(reset.data)).toEqual({ position: expect.stringMatching(/^\d+$/), reason: 'unknown-position' });
    await lost.next('ready');
  });
});

async function waitFor(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
