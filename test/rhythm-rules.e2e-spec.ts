import { auth } from './support/actors';
import { expectProblem, expectRefused } from './support/matter-api';
import { API, RhythmFixture } from './support/rhythm-fixture';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Ranking rules as versioned data. A rule is in force for the months that begin
 * after its adoption, and adoption takes the server's clock: so this suite runs
 * the server in 2022 by faking only `Date` (timers stay real).
 */
describe('ranking rules: versions, and the rule in force for a month', () => {
  let t: TestApp;
  let f: RhythmFixture;

  const get = (path: string, token = f.leader) => t.http().get(`${API}${path}`).set(auth(token));
  const rule = (version: number, overrides: Record<string, unknown> = {}) => ({
    id: 'city-2022',
    version,
    name: '2022年信访工作排名规则',
    indicators: [
      { key: 'onTime', weight: 3, direction: 'higher_is_better', minDenominator: 1 },
      { key: 'timelyAcceptance', weight: 1, direction: 'higher_is_better', minDenominator: 1 },
      { key: 'skipLevel', weight: 0, direction: 'lower_is_better', minDenominator: 1 },
    ],
    peerGroups: [{ id: 'all', name: '镇办和市直部门', kinds: ['town', 'department'] }],
    flagBottom: 1,
    ...overrides,
  });

  beforeAll(async () => {
    jest.useFakeTimers({
      advanceTimers: true,
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
      now: new Date('2022-03-20T10:00:00+08:00'),
    });
    t = await startTestApp({ LEDGER_CHECKPOINT_SECONDS: '1' });
    f = new RhythmFixture(t);
    await f.setUp([
      { code: 'town-a', name: '城关镇', kind: 'town' },
      { code: 'dept-housing', name: '住建局', kind: 'department' },
    ]);
  });
  afterAll(async () => {
    await t?.close();
    jest.useRealTimers();
  });

  it('adopts version 1 on 2022-03-20, in force from April; a retry with the same key appends nothing', async () => {
    const send = () =>
      t
        .http()
        .post(`${API}/ranking-rules`)
        .set(auth(f.analyst))
        .set('Idempotency-Key', 'rule-city-2022-v1')
        .send(rule(1));
    const res = await send().expect(201);
    expect(res.body).toEqual({
      id: 'city-2022',
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
      version: 1,
      inForceFrom: '2022-04',
    });
    const events = await t.eventCount();
    jest.setSystemTime(new Date('2022-03-31T09:00:00+08:00'));
    expect((await send().expect(201)).body).toEqual(res.body);
    expect(await t.eventCount()).toBe(events);
  });

  it('refuses a version that does not follow the last one, a malformed rule, and anyone but an analyst', async () => {
    await expectRefused(
      t,
      () => t.http().post(`${API}/ranking-rules`).set(auth(f.analyst)).send(rule(3)),
      422,
      /rule-version-not-next.*next version is 2/,
    );
    await expectRefused(
      t,
      () =>
        t
          .http()
          .post(`${API}/ranking-rules`)
          .set(auth(f.analyst))
          .send(rule(1, { id: 'default' })),
      422,
      /rule-version-not-next/,
    );
    await expectRefused(
      t,
      () =>
        t
          .http()
          .post(`${API}/ranking-rules`)
          .set(auth(f.analyst))
          .send(
            rule(2, { indicators: [{ key: 'contacts', weight: 1, direction: 'higher_is_better', minDenominator: 1 }] }),
          ),
      400,
    );
    await expectRefused(
      t,
      () =>
        t
          .http()
          .post(`${API}/ranking-rules`)
          .set(auth(f.analyst))
          .send(
            rule(2, { indicators: [{ key: 'onTime', weight: 0, direction: 'higher_is_better', minDenominator: 1 }] }),
          ),
      400,
      /weight above 0/,
    );
    const twice = rule(2, {
      peerGroups: [
        { id: 'a', name: 'A', kinds: ['town'] },
        { id: 'b', name: 'B', kinds: ['town', 'department'] },
      ],
    });
    await expectRefused(
      t,
      () => t.http().post(`${API}/ranking-rules`).set(auth(f.analyst)).send(twice),
      400,
      /already in peer group a/,
    );
    await expectRefused(t, () => t.http().post(`${API}/ranking-rules`).set(auth(f.leader)).send(rule(2)), 403);
  });

  it('adopts version 2 on 1 April, in force only from May', async () => {
    jest.setSystemTime(new Date('2022-04-01T09:00:00+08:00'));
    const res = await t
      .http()
      .post(`${API}/ranking-rules`)
      .set(auth(f.analyst))
      .send(rule(2, { flagBottom: 0 }))
      .expect(201);
    expect(res.body).toEqual(expect.objectContaining({ version: 2, inForceFrom: '2022-05' }));
    const rules = await get('/ranking-rules?month=2022-04').expect(200);
    expect(
      rules.body.adopted.map((r: { id: string; version: number; adoptedOn: string; inForceFrom: string }) => [
        r.id,
        r.version,
        r.adoptedOn,
        r.inForceFrom,
      ]),
    ).toEqual([
      ['city-2022', 1, '2022-03-20', '2022-04'],
      ['city-2022', 2, '2022-04-01', '2022-05'],
    ]);
    expect(rules.body.inForce).toEqual(
      expect.objectContaining({
        month: '2022-04',
        adoptedOn: '2022-03-20',
        rule: expect.objectContaining({ version: 1 }),
      }),
    );
    expect(rules.body.default).toEqual(expect.objectContaining({ id: 'default', version: 2 }));
  });

  it('ranks each month by the rule in force for it', async () => {
    jest.setSystemTime(new Date('2022-06-02T09:00:00+08:00'));
    // April: town-a replies on time (due 04-11) and accepts on time (due 04-18); dept-housing is late in both.
    await f.replyMatter('town-a', { reply: 'on_time' });
    await f.acceptanceMatter('town-a', 'on_time');
    await f.replyMatter('dept-housing', { reply: 'late' });
    await f.acceptanceMatter('dept-housing', 'late');
    const march = JSON.parse((await get('/rankings/2022-03').expect(200)).text);
    expect(march.rule).toEqual(expect.objectContaining({ id: 'default', version: 2, adoptedOn: null }));
    const april = JSON.parse((await get('/rankings/2022-04').expect(200)).text);
    expect(april.rule).toEqual(
      expect.objectContaining({ id: 'city-2022', version: 1, adoptedOn: '2022-03-20', flagBottom: 1 }),
    );
    // One peer group of towns and departments; (3×100 + 1×100) / 4 = 100 against (3×0 + 1×0) / 4 = 0.
    expect(april.groups).toEqual([
      { id: 'all', name: '镇办和市直部门', kinds: ['town', 'department'], ranked: 2, tooFew: 0 },
    ]);
    expect(
      april.rows.map((r: { unit: string; rank: number; score: number; flagged: boolean }) => [
        r.unit,
        r.rank,
        r.score,
        r.flagged,
      ]),
    ).toEqual([
      ['town-a', 1, 100, false],
      ['dept-housing', 2, 0, true],
    ]);
    // skipLevel is shown with weight 0, not scored.
    expect(april.rows[0].indicators.skipLevel).toEqual({
      numerator: 0,
      denominator: 1,
      rate: 0,
      wilson: { low: 0, high: 79.35 },
    });
    const may = JSON.parse((await get('/rankings/2022-05').expect(200)).text);
    expect(may.rule).toEqual(
      expect.objectContaining({ id: 'city-2022', version: 2, adoptedOn: '2022-04-01', flagBottom: 0 }),
    );
  });

  it('records the rule version in the publication', async () => {
    const res = await t.http().post(`${API}/rankings/2022-04/publish`).set(auth(f.analyst)).send({}).expect(201);
    expect(res.body.rule).toEqual({ id: 'city-2022', version: 1 });
    const published = JSON.parse((await get('/rankings/2022-04/published').expect(200)).text);
    expect(published.rule).toEqual(expect.objectContaining({ id: 'city-2022', version: 1 }));
    expectProblem(
      await t.http().post(`${API}/rankings/2022-06/publish`).set(auth(f.analyst)).send({}),
      422,
      /period-not-ended/,
    );
  });
});
