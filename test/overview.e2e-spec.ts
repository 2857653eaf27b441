import {
  addDays,
  decideCampaign,
  decideMatter,
  DecisionContext,
  DomainEvent,
  domainEvent,
  foldMatter,
  MatterCommand,
} from '@app/domain';
import { officialCalendar } from '@app/domain/testing';
import { NewEvent } from '@app/ledger';
import { buildOverview, ContactCount, OverviewFigures } from '@app/projections';
import {
  SECTION_ONE_BEFORE,
  SECTION_ONE_NOW,
  SECTION_ONE_PERIOD,
  SECTION_ONE_PREVIOUS,
} from '@app/projections/testing';
import { Actors, auth, seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Section 一 of the example work report, recorded as the facts it counts: every
 * contact a matter event decided by the domain and appended to the real ledger,
 * the other facts through the API. The overview must give back those figures.
 */

const ctx: DecisionContext = {
  now: new Date().toISOString(),
  timeZone: 'Asia/Shanghai',
  calendar: officialCalendar,
  rollForward: true,
  collectiveThreshold: 5,
};
const actor = { id: 'fixture', role: 'registrar' };
const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

/** `persons` spread over `batches` as evenly as whole persons allow. */
function headcounts(batches: number, persons: number): number[] {
  const base = Math.floor(persons / batches);
  return Array.from({ length: batches }, (_, i) => base + (i < persons % batches ? 1 : 0));
}

/** One matter stream: its id, the events decided so far, and a way to decide more. */
class MatterBuilder {
  readonly events: DomainEvent[] = [];
  constructor(readonly id: string) {}
  run(command: MatterCommand): this {
    this.events.push(...decideMatter(command, foldMatter(this.events), ctx));
    return this;
  }
}

/**
 * Matters for every contact group of a period: a new matter per first contact (in
 * the first quarter of the period's year), repeats on the matters of the same channel,
 * source and category (in the second quarter).
 */
function mattersFor(figures: OverviewFigures, year: number, prefix: string): MatterBuilder[] {
  const matters: MatterBuilder[] = [];
  const byKind = new Map<string, MatterBuilder[]>();
  const kind = (c: ContactCount) => `${c.channel}/${c.source}/${c.category}`;
  const firsts = figures.contacts.filter((c) => !c.repeat);
  const repeats = figures.contacts.filter((c) => c.repeat);
  firsts.forEach((group, g) => {
    headcounts(group.batches, group.persons).forEach((headcount, i) => {
      const day = addDays(`${year}-01-01`, (i * 7 + g) % 90);
      const m = new MatterBuilder(`${prefix}-${g}-${i}`).run({
        type: 'OpenMatter',
        matterId: `${prefix}-${g}-${i}`,
        category: group.category,
        responsibleUnit: 'town-a',
        summary: '诉求',
        petitioners: [],
        contact: {
          occurredAt: at(day),
          channel: group.channel,
          level: group.level,
          source: group.source,
          headcount,
        },
      });
      matters.push(m);
      byKind.set(kind(group), [...(byKind.get(kind(group)) ?? []), m]);
    });
  });
  for (const group of repeats) {
    const targets = byKind.get(kind(group))!;
    headcounts(group.batches, group.persons).forEach((headcount, i) => {
      targets[i % targets.length].run({
        type: 'RecordContact',
        contact: {
          occurredAt: at(addDays(`${year}-04-01`, i % 80)),
          channel: group.channel,
          level: group.level,
          source: group.source,
          headcount,
        },
      });
    });
  }
  return matters;
}

const newEvents = (events: readonly DomainEvent[]): NewEvent[] => events.map((e) => ({ ...e, actor }));

describe('GET /reports/overview: the figures of section 一 of the example report, from the ledger', () => {
  let t: TestApp;
  let a: Actors;
  let head: string;
  let body: Record<string, unknown> & ReturnType<typeof buildOverview>;

  const overview = (query: string, token = a.analyst) =>
    t.http().get(`/api/v1/reports/overview?${query}`).set(auth(token));

  beforeAll(async () => {
    t = await startTestApp({ LEDGER_MIN_POSITION_TIMEOUT_MS: '120000' });
    a = await seedActors(t);
    const store = t.store();

    const now = mattersFor(SECTION_ONE_NOW, 2022, 'N');
    const before = mattersFor(SECTION_ONE_BEFORE, 2021, 'B');
    // 按期办结率100％: twenty online matters of 2022 accepted and replied within their 60 days.
    now
      .filter(
        (m) => m.events[1].type === 'ContactRecorded' && (m.events[1].data as { channel: string }).channel === 'online',
      )
      .slice(0, 20)
      .forEach((m) => {
        const opened = m.events[0].occurredAt.slice(0, 10);
        m.run({ type: 'AssignMatter', unit: 'town-a', mode: 'transfer', occurredAt: at(addDays(opened, 1)) });
        m.run({ type: 'DecideAcceptance', accepted: true, occurredAt: at(addDays(opened, 2)) });
        m.run({ type: 'IssueReply', outcome: 'supported', note: '已答复', occurredAt: at(addDays(opened, 20)) });
      });
    for (const m of [...before, ...now]) await store.append(`matter-${m.id}`, newEvents(m.events), 'no_stream');

    // 积案: 642 matters of 2021 assigned to the campaign, 559 of them resolved by the end of June 2022.
    const launch = decideCampaign(
      {
        type: 'LaunchCampaign',
        campaignId: 'backlog-2022',
        name: '重复信访积案专项治理',
        targets: [
          { by: '2022-06-30', rate: 80 },
          { by: '2022-07-31', rate: 90 },
        ],
      },
      null,
      { now: at('2022-02-20') },
    );
    const cases = before.slice(0, 642).map((m) =>
      domainEvent('CampaignCaseAdded', at('2022-02-21'), {
        campaignId: 'backlog-2022',
        matterId: m.id,
        assignedBy: 'province',
      }),
    );
    await store.append('campaign-backlog-2022', newEvents([...launch, ...cases]), 'no_stream');
    for (const [i, m] of before.slice(0, 559).entries()) {
      const resolved = decideMatter(
        { type: 'ResolveMatter', note: '已化解', occurredAt: at(addDays('2022-03-01', i % 110)) },
        foldMatter(m.events),
        ctx,
      );
      await store.append(`matter-${m.id}`, newEvents(resolved), m.events.length - 1);
    }

    // The other facts, through the API, as the bureau records them.
    const post = (path: string, token: string, payload: object) =>
      t.http().post(`/api/v1${path}`).set(auth(token)).send(payload).expect(201);
    for (const [year, figures] of [
      [2022, SECTION_ONE_NOW],
      [2021, SECTION_ONE_BEFORE],
    ] as const) {
      for (const r of figures.receptions)
        await post('/receptions', a.leader, { ...r, occurredAt: at(`${year}-05-10`) });
      // Screenings: monthly, the totals spread over six reports.
      const found = headcounts(6, figures.screenings.found);
      const resolved = headcounts(6, figures.screenings.resolved);
      for (let month = 0; month < 6; month++) {
        await post('/screenings', a.registrar, {
          unit: 'town-a',
          occurredAt: at(`${year}-0${month + 1}-28`),
          found: found[month],
          resolved: resolved[month],
        });
      }
      for (let i = 0; i < figures.riskAssessments.total; i++) {
        await post('/risk-assessments', a.registrar, {
          project: `项目${i}`,
          occurredAt: at(`${year}-03-15`),
          passed: i < figures.riskAssessments.passed,
        });
      }
      for (const [kind, n] of [
        ['summons', figures.accountability.summons],
        ['criticism', figures.accountability.criticism],
      ] as const) {
        for (let i = 0; i < n; i++)
          await post('/accountability', a.leader, {
            kind,
            unit: 'town-b',
            grounds: { ranking: `${year}-03` },
            occurredAt: at(`${year}-04-10`),
          });
      }
    }

    head = (await store.head()).position.toString();
    const res = await overview(`from=2022-01-01&to=2022-06-30&minPosition=${head}`).expect(200);
    body = res.body;
  });
  afterAll(() => t.close());

  it('gives every figure of section 一 exactly as computed from the report figures', () => {
    const expected = buildOverview({
      period: SECTION_ONE_PERIOD,
      previous: SECTION_ONE_PREVIOUS,
      asOf: head,
      now: SECTION_ONE_NOW,
      before: SECTION_ONE_BEFORE,
    });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('gives the report’s own figures', () => {
    expect(body.period).toEqual({ from: '2022-01-01', to: '2022-06-30' });
    expect(body.previous).toEqual({ from: '2021-01-01', to: '2021-06-30' });
    expect(body.skipLevel.national).toEqual({
      collective: { batches: 0, persons: 0 },
      individual: { batches: 1, persons: 1 },
    });
    expect(body.skipLevel.province).toEqual({
      collective: { batches: 1, persons: 5 },
      individual: { batches: 10, persons: 15 },
    });
    expect(body.skipLevel.prefecture.individual).toEqual({ batches: 19, persons: 29 });
    expect(body.online).toEqual({
      total: 989,
      bySource: { national_platform: 953, provincial_platform: 36, prefecture_platform: 0, city_platform: 0 },
      onTimeRate: 100,
      repeat: 606,
      repeatRate: 61.27,
    });
    expect(body.cityVisits.total).toEqual({ batches: 878, persons: 3018 });
    expect(body.cityVisits.collective).toMatchObject({ batches: 172, persons: 1901 });
    expect(body.cityVisits.individual).toMatchObject({ batches: 706, persons: 1117 });
    expect(body.campaigns).toEqual([
      { id: 'backlog-2022', name: '重复信访积案专项治理', assigned: 642, resolved: 559, rate: 87.07 },
    ]);
    expect(body.screenings).toEqual({ found: 2257, resolved: 1894, rate: 83.92 });
    expect(body.riskAssessments).toEqual({ total: 19, passed: 19 });
    expect(body.accountability).toEqual({ summons: 4, criticism: 6 });
    expect(body.receptions.byLeader.find((r) => r.leader === '市委书记')).toEqual({
      leader: '市委书记',
      batches: 64,
      persons: 268,
      resolvedOnSiteBatches: 14,
      resolvedOnSitePersons: 71,
    });
    for (const list of [
      body.skipLevel.categories,
      body.cityVisits.collective.categories,
      body.cityVisits.individual.categories,
    ]) {
      expect(Math.round(list.reduce((s, c) => s + (c.share ?? 0), 0) * 100)).toBe(10000);
    }
  });

  it('gives the correct changes against 2021, and none from 0', () => {
    const c = body.comparison;
    expect(c.skipLevel.national.individual).toEqual({
      batches: 56,
      persons: 60,
      change: { batches: { pct: -98.21, trend: 'down' }, persons: { pct: -98.33, trend: 'down' } },
    });
    expect(c.skipLevel.province.collective.change.batches).toEqual({ pct: null, trend: 'new' });
    expect(c.skipLevel.province.individual.change.batches).toEqual({ pct: -61.54, trend: 'down' });
    expect(c.skipLevel.prefecture.individual.change.batches).toEqual({ pct: 11.76, trend: 'up' });
    expect(c.skipLevel.total.change.batches).toEqual({ pct: -69, trend: 'down' });
    expect(c.online.change.total).toEqual({ pct: -33.27, trend: 'down' });
    expect(c.online.onTimeRate).toBeNull();
  });

  it('drafts the section in the report’s words, with correctly rounded figures', () => {
    const text = body.text;
    expect(text).toMatch(
      /^一、信访总体情况\n今年以来，我市群众越级人访总量与去年同期相比下降了69％，群众网上信访总量下降33\.27％，信访形势逐渐向好。\n/,
    );
    expect(text).toContain('发生赴京个访1批1人次，与2021年同期56批60人次相比下降98.21％');
    expect(text).toContain('发生到省集访1批5人次，2021年同期未发生，为新增');
    expect(text).toContain('与2021年同期17批32人次相比上升11.76％');
    expect(text).toContain(
      '信访局办理群众网上信访989件，其中国家信访局投诉953件，省信访局投诉36件，信访事项按期办结率100％。',
    );
    expect(text).toContain('群众网上重复投诉606件，重复占比率61.27％。');
    expect(text).toContain('我市群众发生来市上访878批3018人次，其中集访172批1901人次，个访706批1117人次。');
    expect(text).toContain(
      '劳动社保类27.76％；涉法涉诉类24.08％；城乡建设类19.41％；农村农业类15.58％；国土资源类4.82％；教育体育类3.82％；纪检监察类3.40％；其他类1.13％。',
    );
    expect(text).not.toMatch(/69\.69|61\.53|10\.52|上升了?100％/);
  });

  it('answers as known at an earlier position, as a filter, after later corrections and back-dated contacts', async () => {
    const store = t.store();
    // Later: a Beijing visit of 2022 recorded late, and a 2022 skip-level matter's category corrected.
    const late = new MatterBuilder('LATE-1').run({
      type: 'OpenMatter',
      matterId: 'LATE-1',
      category: 'health',
      responsibleUnit: 'town-a',
      summary: '诉求',
      petitioners: [],
      contact: { occurredAt: at('2022-06-01'), channel: 'visit', level: 'national', headcount: 2 },
    });
    await store.append('matter-LATE-1', newEvents(late.events), 'no_stream');
    const skipMatter = 'N-0-0'; // the 2022 visit to Beijing, 城乡建设
    const history = await store.readStream(`matter-${skipMatter}`);
    const correction = decideMatter(
      { type: 'CorrectMatter', field: 'category', value: 'environment', reason: '类别登记有误' },
      foldMatter(
        history.map(
          (e) => ({ type: e.type, version: e.version, occurredAt: e.occurredAt, data: e.data }) as DomainEvent,
        ),
      ),
      ctx,
    );
    await store.append(`matter-${skipMatter}`, newEvents(correction), history.length - 1);
    const latest = (await store.head()).position.toString();

    const now = await overview(`from=2022-01-01&to=2022-06-30&minPosition=${latest}`).expect(200);
    expect(now.headers['x-ledger-position']).toBe(latest);
    expect(now.body.skipLevel.national.individual).toEqual({ batches: 2, persons: 3 });
    expect(now.body.skipLevel.categories.map((c: { category: string }) => c.category)).toEqual(
      expect.arrayContaining(['environment', 'health']),
    );

    const then = await overview(`from=2022-01-01&to=2022-06-30&asOf=${head}`).expect(200);
    expect(then.headers['x-ledger-position']).toBe(head);
    expect(then.body).toEqual(body);
  });

  it('refuses bad dates, too long a range and an asOf beyond the ledger with a 400, and asks for a token', async () => {
    const bad = async (query: string, field: string) => {
      const res = await overview(query).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad('from=2022-06-30&to=2022-01-01', 'from');
    await bad('from=2022/01/01&to=2022-06-30', 'from');
    await bad('from=2022-01-01&to=2022-02-30', 'to');
    await bad('from=2022-01-01', 'to');
    await bad('from=2019-01-01&to=2022-06-30', 'to');
    await bad('from=2022-01-01&to=2022-06-30&asOf=99999999', 'asOf');
    await bad('from=2022-01-01&to=2022-06-30&asOf=-1', 'asOf');
    await bad('from=2022-01-01&to=2022-06-30&unit=town-a', 'unit');
    await t.http().get('/api/v1/reports/overview?from=2022-01-01&to=2022-06-30').expect(401);
    // Every role reads the city-wide overview.
    for (const token of [a.registrar, a.handler, a.leader, a.auditor, a.admin]) {
      await overview('from=2022-01-01&to=2022-01-31', token).expect(200);
    }
  });
});
