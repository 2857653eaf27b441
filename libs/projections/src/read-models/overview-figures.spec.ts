import { domainEvent, DomainEvent } from '@app/domain';
import { at, ev, officialCalendar } from '@app/domain/testing';
import { activityFactsProjection } from './activity-facts.projection';
import { mattersProjection } from './matters.projection';
import { ContactGroup, contactCountOf, judgeDateFor, overviewFigures, overviewReport } from './overview-figures';
import { CONTACTS_KNOWN_AT } from './fact-queries';
import { scopeParams } from './fact-scope';
import { applyAll, envelopes, onStream, readModelDb, rowsOf } from './spec-support';

const settings = { timeZone: 'Asia/Shanghai', calendar: officialCalendar, rollForward: true };
const projections = [mattersProjection(settings), activityFactsProjection(settings)];

const online = (when: string, repeat = false) =>
  domainEvent('ContactRecorded', when, {
    channel: 'online',
    level: 'city',
    source: 'national_platform',
    headcount: 1,
    collective: false,
    repeat,
  });
const opened = (id: string, when: string, category = 'labour_social_security' as const) =>
  domainEvent('MatterOpened', when, {
    matterId: id,
    category,
    subject: null,
    responsibleUnit: 'town-a',
    summary: '诉求',
    petitioners: [],
  });

/** An online matter opened on `day`, accepted 3 days later (reply due 60 days on), replied on `replied` if given. */
function onlineMatter(id: string, day: string, accepted: string, replied?: string): [string, DomainEvent][] {
  return onStream(`matter-${id}`, [
    opened(id, at(day)),
    online(at(day)),
    ev.assigned(at(day, '11:00')),
    ev.accepted(at(accepted)),
    ...(replied ? [ev.replied(at(replied))] : []),
  ]);
}

const history = envelopes([
  // 2022: a visit to Beijing, a collective city visit, an online matter with a repeat.
  ...onStream('matter-V1', [
    opened('V1', at('2022-02-01')),
    ev.contact(at('2022-02-01'), { level: 'national', repeat: false }),
  ]), // 1, 2
  ...onStream('matter-V2', [
    opened('V2', at('2022-02-02')),
    ev.contact(at('2022-02-02'), { headcount: 20, collective: true, repeat: false }),
  ]), // 3, 4
  // Reply limits: O1 due 2022-05-05 replied on time; O2 due 05-05 too, replied late; O3 due 05-09, not replied (overdue by 07-01);
  // O4 accepted 05-20, due 07-19: after the period, not counted.
  ...onlineMatter('O1', '2022-03-01', '2022-03-05', '2022-04-20'), // 5..9
  ...onlineMatter('O2', '2022-03-02', '2022-03-06', '2022-05-20'), // 10..14
  ...onlineMatter('O3', '2022-03-03', '2022-03-09'), // 15..18
  ...onlineMatter('O4', '2022-05-18', '2022-05-20'), // 19..22
  ['matter-O1', online(at('2022-04-01'), true)], // 23: a repeat
  // 2021: two visits to Beijing.
  ...onStream('matter-P1', [
    opened('P1', at('2021-03-01')),
    ev.contact(at('2021-03-01'), { level: 'national', repeat: false }),
  ]), // 24, 25
  ['matter-P1', ev.contact(at('2021-03-05'), { level: 'national' })], // 26
  // Other facts, in 2022 and (screening) in 2021.
  [
    'reception-R1',
    domainEvent('ReceptionRecorded', at('2022-03-10'), {
      leader: '市长',
      batches: 3,
      persons: 14,
      resolvedOnSiteBatches: 1,
      resolvedOnSitePersons: 10,
    }),
  ], // 27
  ['screening-S1', domainEvent('ScreeningRecorded', at('2022-03-31'), { unit: 'town-a', found: 10, resolved: 8 })], // 28
  ['screening-S0', domainEvent('ScreeningRecorded', at('2021-03-31'), { unit: 'town-a', found: 5, resolved: 5 })], // 29
  ['risk_assessment-A1', domainEvent('RiskAssessmentRecorded', at('2022-04-01'), { project: '棚改', passed: true })], // 30
  ['risk_assessment-A2', domainEvent('RiskAssessmentRecorded', at('2022-04-02'), { project: '园区', passed: false })], // 31
  [
    'accountability-K1',
    domainEvent('AccountabilityActionRecorded', at('2022-05-05'), {
      kind: 'summons',
      unit: 'town-a',
      person: null,
      grounds: { ranking: '2022-04' },
    }),
  ], // 32
  [
    'accountability-K2',
    domainEvent('AccountabilityActionRecorded', at('2022-05-06'), {
      kind: 'criticism',
      unit: 'town-a',
      person: null,
      grounds: { bulletin: '2022-04-H2' },
    }),
  ], // 33
  [
    'accountability-K3',
    domainEvent('AccountabilityActionRecorded', at('2022-05-07'), {
      kind: 'other',
      unit: 'town-a',
      person: null,
      grounds: { matters: ['V1'] },
    }),
  ], // 34
  // A campaign with three cases; two resolved by the end of June, one in July.
  [
    'campaign-C1',
    domainEvent('CampaignLaunched', at('2022-02-20'), {
      campaignId: 'C1',
      name: '积案',
      targets: [{ by: '2022-06-30', rate: 80 }],
    }),
  ], // 35
  [
    'campaign-C1',
    domainEvent('CampaignCaseAdded', at('2022-02-21'), { campaignId: 'C1', matterId: 'P1', assignedBy: 'central' }),
  ], // 36
  [
    'campaign-C1',
    domainEvent('CampaignCaseAdded', at('2022-02-21'), { campaignId: 'C1', matterId: 'V1', assignedBy: 'province' }),
  ], // 37
  [
    'campaign-C1',
    domainEvent('CampaignCaseAdded', at('2022-02-21'), { campaignId: 'C1', matterId: 'V2', assignedBy: 'province' }),
  ], // 38
  ['matter-P1', ev.resolved(at('2022-04-01'))], // 39
  ['matter-V1', ev.resolved(at('2022-06-30'))], // 40
  ['matter-V2', ev.resolved(at('2022-07-01'))], // 41
  // An old campaign, over before 2022: not shown.
  [
    'campaign-C0',
    domainEvent('CampaignLaunched', at('2020-01-01'), {
      campaignId: 'C0',
      name: '旧积案',
      targets: [{ by: '2020-12-31', rate: 90 }],
    }),
  ], // 42
  // Recorded late: V1's category corrected, and a back-dated visit to the province.
  [
    'matter-V1',
    domainEvent('CorrectionRecorded', at('2022-08-01'), {
      field: 'category',
      value: 'health',
      previous: 'labour_social_security',
      reason: '更正',
    }),
  ], // 43
  ['matter-V2', ev.contact(at('2022-03-15'), { level: 'province' })], // 44
]);

const db = readModelDb(projections);
applyAll(db, projections, history);
// As the runner leaves it: the read models stand at position 44.
db.exec(`CREATE TABLE runner_state (id INTEGER PRIMARY KEY, position TEXT NOT NULL, next_index INTEGER NOT NULL,
  schema_signature TEXT NOT NULL); INSERT INTO runner_state VALUES (1, '44', 44, 'spec')`);
const H1 = { from: '2022-01-01', to: '2022-06-30' };
const figures = (asOf: bigint, range = H1) =>
  overviewFigures(db, { ...range, asOf }, judgeDateFor(range.to, '2023-01-01'));

describe('the overview figures, one GROUP BY per fact table, as known at a position', () => {
  it('groups contacts by channel, level, source, form, repeat and the category known at the position', () => {
    const latest = figures(44n).contacts;
    expect(latest).toEqual([
      {
        channel: 'online',
        level: 'city',
        source: 'national_platform',
        collective: false,
        repeat: false,
        category: 'labour_social_security',
        batches: 4,
        persons: 4,
      },
      {
        channel: 'online',
        level: 'city',
        source: 'national_platform',
        collective: false,
        repeat: true,
        category: 'labour_social_security',
        batches: 1,
        persons: 1,
      },
      {
        channel: 'visit',
        level: 'city',
        source: null,
        collective: true,
        repeat: false,
        category: 'labour_social_security',
        batches: 1,
        persons: 20,
      },
      {
        channel: 'visit',
        level: 'national',
        source: null,
        collective: false,
        repeat: false,
        category: 'health',
        batches: 1,
        persons: 1,
      },
      {
        channel: 'visit',
        level: 'province',
        source: null,
        collective: false,
        repeat: true,
        category: 'labour_social_security',
        batches: 1,
        persons: 1,
      },
    ]);
    // Before the correction and the late visit were recorded:
    const earlier = figures(42n).contacts;
    expect(earlier.find((c) => c.level === 'national')?.category).toBe('labour_social_security');
    expect(earlier.some((c) => c.level === 'province')).toBe(false);
  });

  it('judges online reply limits due in the period: on time, late and overdue count; later ones do not', () => {
    expect(figures(44n).onlineReplies).toEqual({ onTime: 1, due: 3 });
    // As known at 8 (O1 accepted, not yet replied), judged after the period: O1 is overdue.
    expect(figures(8n).onlineReplies).toEqual({ onTime: 0, due: 1 });
    // As known at 13: O1 replied on time, O2 accepted and not replied.
    expect(figures(13n).onlineReplies).toEqual({ onTime: 1, due: 2 });
    // While the period runs, a limit not yet past is pending and not counted.
    expect(overviewFigures(db, { ...H1, asOf: 44n }, '2022-05-05').onlineReplies).toEqual({ onTime: 1, due: 1 });
  });

  it('sums receptions, screenings, risk assessments and accountability actions that occurred in the dates', () => {
    const f = figures(44n);
    expect(f.receptions).toEqual([
      { leader: '市长', batches: 3, persons: 14, resolvedOnSiteBatches: 1, resolvedOnSitePersons: 10 },
    ]);
    expect(f.screenings).toEqual({ found: 10, resolved: 8 });
    expect(f.riskAssessments).toEqual({ total: 2, passed: 1 });
    expect(f.accountability).toEqual({ summons: 1, criticism: 1 });
    expect(figures(31n).accountability).toEqual({ summons: 0, criticism: 0 });
    expect(figures(30n).riskAssessments).toEqual({ total: 1, passed: 1 });
  });

  it('counts a campaign as it stands at the period end: cases added by then, resolved by then', () => {
    expect(figures(44n).campaigns).toEqual([{ id: 'C1', name: '积案', assigned: 3, resolved: 2 }]);
    expect(figures(39n).campaigns).toEqual([{ id: 'C1', name: '积案', assigned: 3, resolved: 1 }]);
    expect(figures(36n).campaigns).toEqual([{ id: 'C1', name: '积案', assigned: 1, resolved: 0 }]);
    expect(figures(34n).campaigns).toEqual([]);
    expect(figures(44n, { from: '2022-01-01', to: '2022-02-20' }).campaigns).toEqual([
      { id: 'C1', name: '积案', assigned: 0, resolved: 0 },
    ]);
  });

  it('is empty as known at position 0', () => {
    const f = figures(0n);
    expect(f.contacts).toEqual([]);
    expect(f.campaigns).toEqual([]);
    expect(f.screenings).toEqual({ found: 0, resolved: 0 });
  });
});

describe("the daily sums kept for the read models' own position", () => {
  const ranges = [
    H1,
    { from: '2021-01-01', to: '2021-06-30' },
    { from: '2022-01-01', to: '2022-12-31' },
    { from: '2022-02-02', to: '2022-02-02' },
    { from: '2022-03-01', to: '2022-03-31' },
    { from: '2022-05-01', to: '2022-05-31' },
    { from: '2020-01-01', to: '2023-12-31' },
  ];

  it('give the same figures as the fact rows, for any dates and judging day', () => {
    for (const range of ranges)
      for (const today of ['2022-05-06', '2022-05-10', '2023-01-01']) {
        const judge = judgeDateFor(range.to, today);
        const scope = { ...range, asOf: 44n };
        expect(overviewFigures(db, scope, judge, 'aggregates')).toEqual(overviewFigures(db, scope, judge, 'rows'));
      }
    // The correction moved V1's visit to its new category.
    expect(overviewFigures(db, { ...H1, asOf: 44n }, '2022-07-01', 'aggregates').contacts).toContainEqual(
      expect.objectContaining({ level: 'national', category: 'health', batches: 1 }),
    );
  });

  it('leave the row path grouping contacts exactly as the join with the versions in force does, at every position', () => {
    const joined = db.prepare(
      `SELECT channel, level, source, is_collective, is_repeat, category, COUNT(*) AS batches, SUM(headcount) AS persons
       FROM (${CONTACTS_KNOWN_AT}) GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
    );
    for (let asOf = 0n; asOf <= 44n; asOf++)
      for (const range of ranges) {
        const contacts = overviewFigures(db, { ...range, asOf }, '2023-01-01').contacts;
        const expected = joined.all(scopeParams({ ...range, asOf })) as ContactGroup[];
        expect(contacts).toEqual(expected.map(contactCountOf));
      }
  });

  it('are the same whichever way the log was cut into batches', () => {
    const once = readModelDb(projections);
    applyAll(once, projections, history);
    const matters = projections[0];
    for (const size of [1, 4, 7, history.length]) {
      const batched = readModelDb(projections);
      batched.transaction(() => {
        for (let i = 0; i < history.length; i += size) {
          const batch = history.slice(i, i + size);
          for (const e of batch) projections[1].apply(e, { db: batched, index: Number(e.position) - 1 });
          matters.applyBatch!(batch, { db: batched, index: i });
        }
      })();
      for (const table of ['agg_contact_days', 'agg_online_replies'])
        expect(rowsOf(batched, table)).toEqual(rowsOf(once, table));
    }
    expect(rowsOf(once, 'agg_online_replies').length).toBeGreaterThan(0);
  });

  it("are read only at the read models' own position; any other position counts the fact rows", () => {
    const now = overviewReport(db, H1, 44n, '2023-01-01');
    const before = overviewReport(db, H1, 43n, '2023-01-01');
    // At 43 the correction (position 43) is known, the back-dated visit (44) is not.
    expect(now.skipLevel.province.individual.batches).toBe(before.skipLevel.province.individual.batches + 1);
  });
});

describe('the overview report', () => {
  it('puts the period beside the same dates one year earlier, both known at the same position', () => {
    const report = overviewReport(db, H1, 44n, '2023-01-01');
    expect(report.previous).toEqual({ from: '2021-01-01', to: '2021-06-30' });
    expect(report.asOf).toBe('44');
    expect(report.skipLevel.national.individual).toEqual({ batches: 1, persons: 1 });
    expect(report.comparison.skipLevel.national.individual).toMatchObject({
      batches: 2,
      change: { batches: { pct: -50, trend: 'down' } },
    });
    expect(report.comparison.screenings).toMatchObject({ found: 5, resolved: 5, rate: 100 });
    expect(report.online).toMatchObject({ total: 5, repeat: 1, repeatRate: 20, onTimeRate: 33.33 });
    expect(report.text).toContain('发生赴京个访1批1人次，与2021年同期2批2人次相比下降50％');
    // As known before the 2021 repeat was recorded, 2021 had one visit to Beijing.
    expect(overviewReport(db, H1, 25n, '2023-01-01').comparison.skipLevel.national.individual.batches).toBe(1);
  });

  it('judges limits on the day after the period, or today while it runs', () => {
    expect(judgeDateFor('2022-06-30', '2023-01-01')).toBe('2022-07-01');
    expect(judgeDateFor('2022-06-30', '2022-05-06')).toBe('2022-05-06');
  });
});
