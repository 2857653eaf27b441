import { Actors, openMatterBody, seedActors } from './support/actors';
import { expectProblem, MatterApi } from './support/matter-api';
import { startTestApp, TestApp } from './support/test-app';

/** `GET /matters`: filters, cursor paging, a handler's scope, and read-your-writes. */
describe('GET /matters', () => {
  let t: TestApp;
  let a: Actors;
  let m: MatterApi;
  let lastPosition: string;

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((item) => item.id);

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedActors(t);
    m = new MatterApi(t, a);
    const open = async (id: string, occurredAt: string | undefined, subject: string) => {
      const contact = occurredAt ? { channel: 'visit', occurredAt } : { channel: 'visit' };
      const res = await m.post('/matters', a.registrar, openMatterBody({ id, subject, contact })).expect(201);
      lastPosition = res.body.position;
    };
    const step = async (path: string, token: string, body: object) => {
      const res = await m.post(`/matters${path}`, token, body).expect(201);
      lastPosition = res.body.position;
    };
    // L1 registered (2022-03-01), L2 assigned, L3 accepted, L4 replied (all dept-housing), L5 with town-b,
    // L6 registered today, L7 registered 2022-06-15.
    await open('L1', '2022-03-01T09:00:00+08:00', '紫悦华府');
    await open('L2', '2022-03-01T10:00:00+08:00', '紫悦华府');
    await step('/L2/assignments', a.registrar, {
      unit: 'dept-housing',
      mode: 'transfer',
      occurredAt: '2022-03-02T10:00:00+08:00',
    });
    await open('L3', '2022-03-01T11:00:00+08:00', '紫悦华府');
    await step('/L3/assignments', a.registrar, {
      unit: 'dept-housing',
      mode: 'transfer',
      occurredAt: '2022-03-02T10:00:00+08:00',
    });
    await step('/L3/acceptance', a.handler, { accepted: true, occurredAt: '2022-03-05T10:00:00+08:00' });
    await open('L4', '2022-03-20T11:00:00+08:00', '紫悦华府');
    await step('/L4/assignments', a.registrar, {
      unit: 'dept-housing',
      mode: 'assign',
      occurredAt: '2022-03-21T10:00:00+08:00',
    });
    await step('/L4/acceptance', a.handler, { accepted: true, occurredAt: '2022-03-22T10:00:00+08:00' });
    await step('/L4/replies', a.handler, {
      outcome: 'explained',
      note: '解释',
      occurredAt: '2022-04-22T10:00:00+08:00',
    });
    await open('L5', '2022-04-10T09:00:00+08:00', '幸福里');
    await step('/L5/assignments', a.registrar, {
      unit: 'town-b',
      mode: 'assign',
      occurredAt: '2022-04-11T10:00:00+08:00',
    });
    await open('L6', undefined, '市民中心');
    await open('L7', '2022-06-15T09:00:00+08:00', '幸福里');
  });
  afterAll(() => t.close());

  const list = (query: string, token = a.analyst) => m.get(`/matters${query}`, token);

  it('lists every matter in id order with the summary fields, and X-Ledger-Position reflecting the last write', async () => {
    const res = await list('').expect(200);
    expect(ids(res)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[2]).toEqual({
      id: 'L3',
      revision: 3,
      status: 'accepted',
      category: 'labour_social_security',
      subject: '紫悦华府',
      responsibleUnit: 'town-a',
      assignedUnit: 'dept-housing',
      openedAt: '2022-03-01T11:00:00+08:00',
      owner: null,
      resolved: false,
    });
    expect(BigInt(res.headers['x-ledger-position'])).toBeGreaterThanOrEqual(BigInt(lastPosition));
  });

  it.each([
    ['unit', '?unit=dept-housing', ['L2', 'L3', 'L4']],
    ['status', '?status=registered', ['L1', 'L6', 'L7']],
    ['status (no match)', '?status=final', []],
    ['overdue=true', '?overdue=true', ['L1', 'L2', 'L3', 'L5', 'L7']],
    ['overdue=false', '?overdue=false', ['L4', 'L6']],
    ['from/to (the day of the first contact)', '?from=2022-04-01&to=2022-06-30', ['L5', 'L7']],
    ['from alone', '?from=2022-03-20', ['L4', 'L5', 'L6', 'L7']],
    ['to alone, inclusive', '?to=2022-03-20', ['L1', 'L2', 'L3', 'L4']],
    ['subject', `?subject=${encodeURIComponent('幸福里')}`, ['L5', 'L7']],
    ['subject and status together', `?subject=${encodeURIComponent('幸福里')}&status=registered`, ['L7']],
    ['unit and overdue together', '?unit=dept-housing&overdue=true', ['L2', 'L3']],
  ])('filters by %s', async (_name, query, expected) => {
    expect(ids(await list(query).expect(200))).toEqual(expected);
  });

  it('pages through 7 matters 3 at a time with the cursor, each matter once', async () => {
    const first = await list('?limit=3').expect(200);
    expect(ids(first)).toEqual(['L1', 'L2', 'L3']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`).expect(200);
    expect(ids(second)).toEqual(['L4', 'L5', 'L6']);
    const third = await list(`?limit=3&cursor=${encodeURIComponent(second.body.nextCursor)}`).expect(200);
    expect(ids(third)).toEqual(['L7']);
    expect(third.body.nextCursor).toBeNull();
  });

  it('pages within a filter', async () => {
    const first = await list('?overdue=true&limit=2').expect(200);
    expect(ids(first)).toEqual(['L1', 'L2']);
    const second = await list(`?overdue=true&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`).expect(200);
    expect(ids(second)).toEqual(['L3', 'L5']);
    const third = await list(`?overdue=true&limit=2&cursor=${encodeURIComponent(second.body.nextCursor)}`).expect(200);
    expect(ids(third)).toEqual(['L7']);
    expect(third.body.nextCursor).toBeNull();
  });

  it('shows a handler only the matters of its units, whatever it asks for', async () => {
    expect(ids(await list('', a.handler).expect(200))).toEqual(['L2', 'L3', 'L4']);
    expect(ids(await list('', a.otherHandler).expect(200))).toEqual(['L5']);
    expect(ids(await list('?unit=town-b', a.handler).expect(200))).toEqual([]);
    expect(ids(await list('', a.responsibleHandler).expect(200))).toEqual([]);
  });

  it('every other role sees every matter', async () => {
    for (const token of [a.admin, a.registrar, a.leader, a.analyst, a.auditor]) {
      expect(ids(await list('', token).expect(200))).toHaveLength(7);
    }
  });

  it.each([
    ['limit=0', '?limit=0', 'limit'],
    ['limit=501', '?limit=501', 'limit'],
    ['limit=abc', '?limit=abc', 'limit'],
    ['a cursor this API did not give', `?cursor=${Buffer.from('../../etc').toString('base64url')}`, 'cursor'],
    ['overdue=yes', '?overdue=yes', 'overdue'],
    ['from not a date', '?from=2022-4-1', 'from'],
    ['to not a date', '?to=yesterday', 'to'],
    ['unit not a code', `?unit=${encodeURIComponent('城关镇')}`, 'unit'],
    ['an unknown parameter', '?sort=desc', 'sort'],
    ['minPosition not digits', '?minPosition=-1', 'minPosition'],
  ])('400 for %s', async (_name, query, field) => {
    const res = await list(query);
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('401 without a token', async () => {
    expectProblem(await m.get('/matters', null), 401);
  });

  it('answers at once for a minPosition already applied, with X-Ledger-Position at least that position', async () => {
    const res = await m.post('/matters', a.registrar, openMatterBody({ id: 'L8' })).expect(201);
    const read = await list(`?minPosition=${res.body.position}`).expect(200);
    expect(ids(read)).toContain('L8');
    expect(BigInt(read.headers['x-ledger-position'])).toBeGreaterThanOrEqual(BigInt(res.body.position));
    for (const path of ['/units', '/matters/L8', '/matters/L8/timeline']) {
      const r = await m.get(`${path}?minPosition=${res.body.position}`, a.auditor).expect(200);
      expect(BigInt(r.headers['x-ledger-position'])).toBeGreaterThanOrEqual(BigInt(res.body.position));
    }
  });
});

describe('read-your-writes: a minPosition beyond the head', () => {
  let t: TestApp;
  let a: Actors;
  let m: MatterApi;
  beforeAll(async () => {
    t = await startTestApp({ LEDGER_MIN_POSITION_TIMEOUT_MS: '200' });
    a = await seedActors(t);
    m = new MatterApi(t, a);
    await m.post('/matters', a.registrar, openMatterBody({ id: 'R1' })).expect(201);
  });
  afterAll(() => t.close());

  it.each(['/matters', '/matters/R1', '/matters/R1/timeline', '/units'])(
    'GET %s answers 503 after the timeout',
    async (path) => {
      const head = (await t.store().head()).position;
      const started = Date.now();
      const res = await m.get(`${path}?minPosition=${head + 1000n}`, a.auditor);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expectProblem(res, 503, 'position');
      expect(res.headers['x-ledger-position']).toBeUndefined();
    },
  );

  it('and 200 for the head itself', async () => {
    const head = (await t.store().head()).position;
    const res = await m.get(`/matters?minPosition=${head}`, a.auditor).expect(200);
    expect(res.headers['x-ledger-position']).toBe(head.toString());
  });
});
