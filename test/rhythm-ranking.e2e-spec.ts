import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { auth } from './support/actors';
import { expectProblem } from './support/matter-api';
import { API, day, RhythmFixture } from './support/rhythm-fixture';
import { startTestApp, TestApp } from './support/test-app';

/**
 * April 2022, ranked by the shipped default rule, version 2 (weights: timely
 * acceptance 20, on-time completion 30, satisfaction 20, resolution 20, repeat
 * rate 10 with less better; an indicator needs 3 cases to be scored, a unit 5
 * cases in all; towns with towns, departments with departments; flagged only
 * when worse than the 99.8 % funnel limit). Every figure below is worked out
 * by hand from the fixture.
 */
describe('the monthly ranking of April 2022, worked by hand', () => {
  let t: TestApp;
  let f: RhythmFixture;
  const ids: Record<string, string[]> = {};

  const get = (path: string, token = f.leader) => t.http().get(`${API}${path}`).set(auth(token));

  beforeAll(async () => {
    t = await startTestApp({ LEDGER_CHECKPOINT_SECONDS: '1' });
    f = new RhythmFixture(t);
    await f.setUp([
      { code: 'town-a', name: '城关镇', kind: 'town' },
      { code: 'town-b', name: '城北镇', kind: 'town' },
      { code: 'town-c', name: '城南镇', kind: 'town' },
      { code: 'town-d', name: '东山镇', kind: 'town' },
      { code: 'dept-housing', name: '住建局', kind: 'department' },
      { code: 'dept-land', name: '自然资源局', kind: 'department' },
      { code: 'vil-1', name: '城关村', kind: 'village' },
    ]);
    const plan = async (
      unit: string,
      acceptances: ('on_time' | 'late' | 'none')[],
      replies: Parameters<RhythmFixture['replyMatter']>[1][],
    ) => {
      ids[unit] = [];
      for (const a of acceptances) ids[unit].push(await f.acceptanceMatter(unit, a));
      for (const r of replies) ids[unit].push(await f.replyMatter(unit, r));
    };
    // town-a: TA 5/5, OT 5/5, SAT 4/5, RES 4/5, repeat 1 of 6 contacts
    await plan(
      'town-a',
      ['on_time', 'on_time', 'on_time', 'on_time', 'on_time'],
      [
        { reply: 'on_time', resolved: true, evaluation: 'satisfied', repeats: 1 },
        { reply: 'on_time', resolved: true, evaluation: 'satisfied' },
        { reply: 'on_time', resolved: true, evaluation: 'satisfied' },
        { reply: 'on_time', resolved: true, evaluation: 'basically_satisfied' },
        { reply: 'on_time', evaluation: 'dissatisfied' },
      ],
    );
    // town-b: TA 4/5, OT 5/5, SAT 3/5, RES 3/5, repeat 0 of 5
    await plan(
      'town-b',
      ['on_time', 'on_time', 'on_time', 'on_time', 'late'],
      [
        { reply: 'on_time', resolved: true, evaluation: 'satisfied' },
        { reply: 'on_time', resolved: true, evaluation: 'satisfied' },
        { reply: 'on_time', resolved: true, evaluation: 'basically_satisfied' },
        { reply: 'on_time', evaluation: 'dissatisfied' },
        { reply: 'on_time', evaluation: 'dissatisfied' },
      ],
    );
    // town-c: TA 3/5 (one late, one never decided: overdue), OT 5/5, SAT 4/5, RES 3/5, repeat 0 of 5
    await plan(
      'town-c',
      ['on_time', 'on_time', 'on_time', 'late', 'none'],
      [
        { reply: 'on_time', resolved: true, evaluation: 'satisfied' },
        { reply: 'on_time', resolved: true, evaluation: 'satisfied' },
        { reply: 'on_time', resolved: true, evaluation: 'satisfied' },
        { reply: 'on_time', evaluation: 'basically_satisfied' },
        { reply: 'on_time', evaluation: 'dissatisfied' },
      ],
    );
    // town-d: two matters only
    await plan('town-d', ['on_time', 'on_time'], []);
    // R1: assigned to dept-land on 04-06, returned as outside its remit on 04-08 (within 5 working days),
    // then transferred to dept-housing on 04-11 (due 04-26) and accepted on 04-20.
    await f.open('R1', 'dept-housing', day('04-06', '09:00'));
    await f.assign('R1', 'dept-land', day('04-06'));
    await f.post('/matters/R1/remit-returns', f.handler('dept-land'), {
      reason: '不属本单位职责',
      occurredAt: day('04-08'),
    });
    await f.assign('R1', 'dept-housing', day('04-11'));
    await f.accept('R1', 'dept-housing', day('04-20'));
    // dept-housing: TA 4/5 (R1 on time), OT 3/5, SAT 5/5, RES 2/5, repeat 2 of 7 contacts (4 + R1 + 2 repeats)
    await plan(
      'dept-housing',
      ['on_time', 'on_time', 'on_time', 'late'],
      [
        { reply: 'on_time', resolved: true, evaluation: 'satisfied', repeats: 2 },
        { reply: 'on_time', resolved: true, evaluation: 'satisfied' },
        { reply: 'on_time', evaluation: 'satisfied' },
        { reply: 'late', evaluation: 'basically_satisfied' },
        { reply: 'late', evaluation: 'basically_satisfied' },
      ],
    );
    // dept-land: TA 5/5 (R1 not charged), OT 4/5, SAT 3/5, RES 4/5, repeat 0 of 5
    await plan(
      'dept-land',
      ['on_time', 'on_time', 'on_time', 'on_time', 'on_time'],
      [
        { reply: 'on_time', resolved: true, evaluation: 'satisfied' },
        { reply: 'on_time', resolved: true, evaluation: 'satisfied' },
        { reply: 'on_time', resolved: true, evaluation: 'basically_satisfied' },
        { reply: 'on_time', resolved: true, evaluation: 'dissatisfied' },
        { reply: 'late', evaluation: 'dissatisfied' },
      ],
    );
  });
  afterAll(() => t?.close());

  it('ranks each peer group by the weighted score of the process rates, with the tie broken by the documented order', async () => {
    const res = await get('/rankings/2022-04').expect(200);
    const ranking = JSON.parse(res.text);
    expect(ranking.rule).toEqual(expect.objectContaining({ id: 'default', version: 2, adoptedOn: null }));
    expect(
      ranking.rows.map(
        (r: { group: string; rank: number; unit: string; score: number; flagged: boolean; tiedWith: string[] }) => [
          r.group,
          r.rank,
          r.unit,
          r.score,
          r.flagged,
          r.tiedWith,
        ],
      ),
    ).toEqual([
      // 20×100 + 30×100 + 20×80 + 20×80 + 10×(100 − 16.67) = 9033.3 → 90.33
      ['towns', 1, 'town-a', 90.33, false, []],
      // 20×80 + 30×100 + 20×60 + 20×60 + 10×100 = 8000 → 80.00
      ['towns', 2, 'town-b', 80, false, ['town-c']],
      // 20×60 + 30×100 + 20×80 + 20×60 + 10×100 = 8000 → 80.00: tied; on time is equal (100), timely acceptance 80 > 60
      // Last, but inside its funnel limits: five cases per indicator are no evidence against it.
      ['towns', 3, 'town-c', 80, false, ['town-b']],
      // 20×100 + 30×80 + 20×60 + 20×80 + 10×100 = 8200 → 82.00 (R1 not charged: 5/5, not 5/6)
      ['departments', 1, 'dept-land', 82, false, []],
      // 20×80 + 30×60 + 20×100 + 20×40 + 10×(100 − 28.57) = 6914.3 → 69.14
      ['departments', 2, 'dept-housing', 69.14, false, []],
    ]);
    const row = (unit: string) => ranking.rows.find((r: { unit: string }) => r.unit === unit);
    expect(row('town-a').indicators).toEqual({
      timelyAcceptance: { numerator: 5, denominator: 5, rate: 100, wilson: { low: 56.55, high: 100 } },
      onTime: { numerator: 5, denominator: 5, rate: 100, wilson: { low: 56.55, high: 100 } },
      satisfaction: { numerator: 4, denominator: 5, rate: 80, wilson: { low: 37.55, high: 96.38 } },
      resolution: { numerator: 4, denominator: 5, rate: 80, wilson: { low: 37.55, high: 96.38 } },
      repeat: { numerator: 1, denominator: 6, rate: 16.67, wilson: { low: 3.01, high: 56.35 } },
    });
    expect(row('dept-housing').indicators.repeat).toEqual(
      expect.objectContaining({ numerator: 2, denominator: 7, rate: 28.57 }),
    );
    expect(row('dept-land').indicators.timelyAcceptance).toEqual(
      expect.objectContaining({ numerator: 5, denominator: 5 }),
    );
    // Volumes are shown, not scored.
    expect(row('town-c').volumes).toEqual({ contacts: 5, persons: 5, skipLevel: 0, overdue: 1 });
    expect(ranking.rule.tieOrder).toEqual([
      'onTime (higher is better)',
      'timelyAcceptance (higher is better)',
      'satisfaction (higher is better)',
      'resolution (higher is better)',
      'repeat (lower is better)',
      'unit code (ascending)',
    ]);
  });

  it('lists a unit under the minimum apart as too few to rank, and ranks no village', async () => {
    const ranking = JSON.parse((await get('/rankings/2022-04').expect(200)).text);
    expect(ranking.tooFewToRank).toEqual([
      expect.objectContaining({
        group: 'towns',
        unit: 'town-d',
        short: [
          { indicator: 'timelyAcceptance', denominator: 2, minimum: 3 },
          { indicator: 'onTime', denominator: 0, minimum: 3 },
          { indicator: 'satisfaction', denominator: 0, minimum: 3 },
          { indicator: 'resolution', denominator: 0, minimum: 3 },
          { indicator: 'repeat', denominator: 2, minimum: 3 },
        ],
        reason: 'no_scorable_indicator',
        cases: 4,
      }),
    ]);
    expect(ranking.groups).toEqual([
      expect.objectContaining({ id: 'towns', name: '镇办', kinds: ['town'], ranked: 3, tooFew: 1 }),
      expect.objectContaining({ id: 'departments', name: '市直部门', kinds: ['department'], ranked: 2, tooFew: 0 }),
    ]);
    expect(JSON.stringify(ranking)).not.toContain('vil-1');
  });

  it('explains a unit’s place down to each matter, its deadline, and when it was met or missed', async () => {
    const res = await get('/rankings/2022-04/units/town-c/explanation').expect(200);
    const x = JSON.parse(res.text);
    expect(x).toEqual(
      expect.objectContaining({
        unit: 'town-c',
        status: 'ranked',
        rank: 3,
        of: 3,
        score: 80,
        flagged: false,
        tiedWith: ['town-b'],
      }),
    );
    const [, , , late, none] = ids['town-c'];
    // Where it sits on each funnel plot, and the matters counted against it.
    expect(x.scoreFunnel).toEqual(expect.objectContaining({ value: 80, position: 'within' }));
    expect(x.indicators.timelyAcceptance.scored).toBe(true);
    expect(x.indicators.timelyAcceptance.funnel).toEqual(
      expect.objectContaining({ value: 60, position: 'within', against: [late, none] }),
    );
    // The towns' pooled rate: 14 of 17 (town-d's 2 of 2 included, though it is too few to rank).
    expect(x.indicators.timelyAcceptance.funnel.reading).toMatch(
      /^及时受理率 60\.00%（3\/5），同组 82\.35%，在95%控制限内/,
    );
    expect(x.indicators.timelyAcceptance.cases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          matterId: late,
          deadline: '2022-04-18',
          met: '2022-04-20',
          missedOn: '2022-04-19',
          outcome: 'late',
          counted: 'denominator',
        }),
        expect.objectContaining({
          matterId: none,
          deadline: '2022-04-18',
          met: null,
          missedOn: '2022-04-19',
          outcome: 'overdue',
          counted: 'denominator',
        }),
      ]),
    );
    expect(
      x.indicators.timelyAcceptance.cases.filter((c: { outcome: string }) => c.outcome === 'on_time'),
    ).toHaveLength(3);
    expect(x.indicators.onTime.cases).toHaveLength(5);
    expect(x.indicators.onTime.cases[0]).toEqual(
      expect.objectContaining({ deadline: '2022-04-11', met: '2022-04-08', outcome: 'on_time' }),
    );
    expect(x.indicators.satisfaction.cases.map((c: { result: string }) => c.result).sort()).toEqual([
      'basically_satisfied',
      'dissatisfied',
      'satisfied',
      'satisfied',
      'satisfied',
    ]);
    expect(x.overdue).toEqual([
      expect.objectContaining({ matterId: none, step: 'acceptance', missedOn: '2022-04-19' }),
    ]);
  });

  it('shows the remit return in the explanation as excused, not charged', async () => {
    const x = JSON.parse((await get('/rankings/2022-04/units/dept-land/explanation').expect(200)).text);
    expect(x.indicators.timelyAcceptance).toEqual(expect.objectContaining({ numerator: 5, denominator: 5 }));
    expect(x.indicators.timelyAcceptance.cases).toContainEqual(
      expect.objectContaining({
        matterId: 'R1',
        deadline: '2022-04-21',
        outcome: 'excused',
        excused: 'remit_returned',
        counted: 'excluded',
      }),
    );
    const housing = JSON.parse((await get('/rankings/2022-04/units/dept-housing/explanation').expect(200)).text);
    expect(housing.indicators.timelyAcceptance.cases).toContainEqual(
      expect.objectContaining({
        matterId: 'R1',
        deadline: '2022-04-26',
        met: '2022-04-20',
        outcome: 'on_time',
        counted: 'numerator',
      }),
    );
  });

  it('refuses an explanation of another unit to a handler, and of an unknown unit with 404', async () => {
    expectProblem(await get('/rankings/2022-04/units/town-a/explanation', f.handler('town-b')), 403);
    await get('/rankings/2022-04/units/town-b/explanation', f.handler('town-b')).expect(200);
    expectProblem(await get('/rankings/2022-04/units/nowhere/explanation'), 404);
    expectProblem(await get('/rankings/2022-13'), 400);
  });

  it('gives identical bytes on every computation, and after the read models are rebuilt from the log', async () => {
    const paths = [
      '/rankings/2022-04',
      '/rankings/2022-04/units/town-c/explanation',
      '/bulletins/2022-04-H2',
      '/judgments/2022-W16',
    ];
    const first = await Promise.all(paths.map(async (p) => (await get(p).expect(200)).text));
    const second = await Promise.all(paths.map(async (p) => (await get(p).expect(200)).text));
    expect(second).toEqual(first);

    // Rebuild: stop the app, delete the read models, start again on the same ledger.
    const { dataDir } = t;
    await t.app.close();
    for (const name of readdirSync(dataDir))
      if (name.startsWith('read-models')) rmSync(join(dataDir, name), { force: true });
    const rebuilt = await startTestApp({ LEDGER_DATA_DIR: dataDir, LEDGER_CHECKPOINT_SECONDS: '1' });
    const previous = t;
    t = {
      ...rebuilt,
      close: async () => {
        await rebuilt.close();
        rmSync(previous.dataDir, { recursive: true, force: true });
      },
    };
    f.t = t;
    const afterRebuild = await Promise.all(
      paths.map(async (p) => (await get(`${p}?minPosition=${await f.head()}`).expect(200)).text),
    );
    expect(afterRebuild).toEqual(first);
  });

  describe('publication', () => {
    let published: {
      position: string;
      checkpoint: { position: string; rootHash: string; size: number };
      contentSha256: string;
    };
    let bytes: string;

    it('freezes the ranking as an event recording the checkpoint, its audit root and the rule version', async () => {
      const before = await f.head();
      const res = await t.http().post(`${API}/rankings/2022-04/publish`).set(auth(f.analyst)).send({}).expect(201);
      published = res.body;
      expect(res.body).toEqual({
        id: 'ranking-2022-04',
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        rule: { id: 'default', version: 2 },
        checkpoint: {
          position: expect.stringMatching(/^\d+$/),
          rootHash: expect.stringMatching(/^[0-9a-f]{64}$/),
          size: expect.any(Number),
        },
        contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      // The checkpoint covers everything written before, and its size is the number of events up to it.
      expect(BigInt(published.checkpoint.position)).toBeGreaterThanOrEqual(BigInt(before));
      const events = await t.store().readAll(1n, 100_000);
      expect(events.filter((e) => e.position <= BigInt(published.checkpoint.position))).toHaveLength(
        published.checkpoint.size,
      );
      // It is a signed checkpoint of the audit log, with the same root.
      const checkpoints = await t
        .http()
        .get(`${API}/audit/checkpoints?afterSize=${published.checkpoint.size - 1}&limit=1`)
        .set(auth(f.leader))
        .expect(200);
      expect(checkpoints.body).toEqual([
        expect.objectContaining({
          size: published.checkpoint.size,
          position: published.checkpoint.position,
          rootHash: published.checkpoint.rootHash,
        }),
      ]);
    });

    it('returns exactly the published bytes, which are the ranking computed at the checkpoint', async () => {
      const res = await get('/rankings/2022-04/published').expect(200);
      bytes = res.text;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(published.contentSha256);
      expect(res.headers['x-checkpoint-root']).toBe(published.checkpoint.rootHash);
      expect(res.headers['x-restated']).toBe('false');
      const atCheckpoint = await get(`/rankings/2022-04?asOf=${published.checkpoint.position}`).expect(200);
      expect(atCheckpoint.text).toBe(bytes);
      // Computed now, the ranking says it was published and that nothing has moved.
      const now = JSON.parse((await get('/rankings/2022-04').expect(200)).text);
      expect(now.published).toEqual(
        expect.objectContaining({
          position: published.position,
          contentSha256: published.contentSha256,
          restated: false,
          restatement: null,
        }),
      );
    });

    it('refuses to publish the same month twice', async () => {
      const before = await t.eventCount();
      const res = await t.http().post(`${API}/rankings/2022-04/publish`).set(auth(f.analyst)).send({});
      expectProblem(res, 409, /published at position/);
      expect(res.body.published).toEqual(expect.objectContaining({ position: published.position, restated: false }));
      expect(await t.eventCount()).toBe(before);
    });

    it('lets only an analyst publish, and only a month that is over', async () => {
      expectProblem(await t.http().post(`${API}/rankings/2022-03/publish`).set(auth(f.leader)).send({}), 403);
      const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
      expectProblem(
        await t.http().post(`${API}/rankings/${thisMonth}/publish`).set(auth(f.analyst)).send({}),
        422,
        /period-not-ended/,
      );
    });

    it('files the publication and the accountability grounded on it in the unit’s dossier', async () => {
      await f.post('/accountability', f.leader, {
        kind: 'criticism',
        unit: 'town-c',
        person: '镇长 赵某',
        grounds: { ranking: '2022-04', matters: [ids['town-c'][4]] },
      });
      const dossier = JSON.parse((await get('/units/town-c/dossier').expect(200)).text);
      expect(dossier.publications).toEqual([
        expect.objectContaining({
          kind: 'ranking',
          period: '2022-04',
          position: published.position,
          ranking: { status: 'ranked', group: 'towns', rank: 3, of: 3, score: 80, flagged: false },
        }),
      ]);
      expect(dossier.accountability).toEqual([
        expect.objectContaining({
          kind: 'criticism',
          person: '镇长 赵某',
          grounds: { ranking: '2022-04', matters: [ids['town-c'][4]] },
          groundedOn: [expect.objectContaining({ kind: 'ranking', period: '2022-04' })],
        }),
      ]);
      // Overdue today: the undecided acceptance, and the replies of the matters accepted in April and never replied to.
      expect(dossier.overdue).toContainEqual({
        matterId: ids['town-c'][4],
        step: 'acceptance',
        from: '2022-04-01',
        deadline: '2022-04-18',
        missedOn: '2022-04-19',
      });
      expect(dossier.overdue).toContainEqual({
        matterId: ids['town-c'][0],
        step: 'reply',
        from: '2022-04-15',
        deadline: '2022-06-14',
        missedOn: '2022-06-15',
      });
      expectProblem(await get('/units/town-c/dossier', f.handler('town-a')), 403);
      const tooFew = JSON.parse((await get('/units/town-d/dossier').expect(200)).text);
      expect(tooFew.publications[0].ranking).toEqual({
        status: 'too_few_to_rank',
        group: 'towns',
        rank: null,
        of: null,
        score: null,
        flagged: false,
      });
    });

    it('shows a back-dated fact as a restatement beside the published ranking, which stays as published', async () => {
      const beforeBackdating = await f.head();
      // town-c's undecided matter was in fact accepted on 04-16, within its limit; the notice arrives late.
      await f.accept(ids['town-c'][4], 'town-c', day('04-16'));
      const now = JSON.parse((await get('/rankings/2022-04').expect(200)).text);
      // town-c: TA 4/5 → 20×80 + 3000 + 1600 + 1200 + 1000 = 8400 → 84.00, now second; town-b third (not flagged:
      // inside its funnel limits).
      expect(
        now.rows
          .filter((r: { group: string }) => r.group === 'towns')
          .map((r: { unit: string; rank: number; score: number; flagged: boolean }) => [
            r.unit,
            r.rank,
            r.score,
            r.flagged,
          ]),
      ).toEqual([
        ['town-a', 1, 90.33, false],
        ['town-c', 2, 84, false],
        ['town-b', 3, 80, false],
      ]);
      expect(now.published.restated).toBe(true);
      expect(now.published.restatement.changes).toEqual(
        expect.arrayContaining([
          { path: 'rows[town-c].rank', published: 3, current: 2 },
          { path: 'rows[town-c].score', published: 80, current: 84 },
          { path: 'rows[town-b].rank', published: 2, current: 3 },
          { path: 'rows[town-c].indicators.timelyAcceptance.numerator', published: 3, current: 4 },
          { path: 'rows[town-c].volumes.overdue', published: 1, current: 0 },
        ]),
      );
      // The published bytes do not move.
      const still = await get('/rankings/2022-04/published').expect(200);
      expect(still.text).toBe(bytes);
      expect(still.headers['x-restated']).toBe('true');
      // As known before the back-dated fact, nothing differs.
      const asBefore = JSON.parse((await get(`/rankings/2022-04?asOf=${beforeBackdating}`).expect(200)).text);
      expect(asBefore.published.restated).toBe(false);
      // A second publication is still refused, and says so beside the published version.
      const again = await t.http().post(`${API}/rankings/2022-04/publish`).set(auth(f.analyst)).send({});
      expectProblem(again, 409, /shown as a restatement/);
      expect(again.body.published.restated).toBe(true);
      // The dossier keeps what was published.
      const dossier = JSON.parse((await get('/units/town-c/dossier').expect(200)).text);
      expect(dossier.publications[0].ranking.rank).toBe(3);
      expect(dossier.overdue).not.toContainEqual(
        expect.objectContaining({ matterId: ids['town-c'][4], step: 'acceptance' }),
      );
      expect(dossier.overdue).toContainEqual(
        expect.objectContaining({ matterId: ids['town-c'][4], step: 'reply', deadline: '2022-06-15' }),
      );
    });
  });

  it('answers as known at an earlier position (asOf), and refuses one beyond the ledger', async () => {
    const head = BigInt(await f.head());
    expectProblem(await get(`/rankings/2022-04?asOf=${head + 10n}`), 400, /beyond/);
    // At position 20 only the first matter had been opened: every unit is too few to rank.
    const early = JSON.parse((await get('/rankings/2022-04?asOf=20').expect(200)).text);
    expect(early.rows).toEqual([]);
    expect(early.asOf).toBe('20');
  });
});
