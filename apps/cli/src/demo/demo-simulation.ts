import {
  addDays,
  Category,
  ClockSettings,
  compareDates,
  ContactInput,
  decideCampaign,
  decideMatter,
  DecisionContext,
  DomainEvent,
  evolveCampaign,
  CampaignState,
  evolveMatter,
  holdMeeting,
  isRuleViolation,
  lastDayAfterInstant,
  Level,
  LocalDate,
  MatterCommand,
  MatterState,
  recordAccountabilityAction,
  recordReception,
  recordRiskAssessment,
  recordScreening,
  registerPrincipal,
  registerUnit,
  Role,
  SealedPetitioner,
  Source,
  STATUTORY_LIMITS,
  weekOf,
} from '@app/domain';
import { Actor } from '@app/ledger';
import { hashToken, newToken, type PetitionerInput } from '@app/security';
import {
  ACTION_KINDS,
  CATEGORY_MIX,
  CATEGORY_UNITS,
  CITY,
  COMPANIES,
  CURRENT_YEAR,
  DIVISION_LEADERS,
  GIVEN,
  HOUSING_PROJECTS,
  HousingProject,
  LEADERS,
  LeaderKey,
  Mix,
  NOT_ACCEPTED_REASONS,
  ONLINE_SOURCES,
  PREVIOUS_YEAR,
  REMIT_REASONS,
  RISK_PROJECTS,
  SPRING_FESTIVAL,
  SUMMARIES,
  SURNAMES,
  TOWNS,
  unitByCode,
  UNITS,
  VILLAGES,
  YearVolumes,
} from './demo-city';
import { DemoLedger } from './demo-ledger';
import { WorkReportFacts } from './demo-work-report';
import { at, dateOf, DAY, isoWeekday, iso, later, midnight, MINUTE, nextWorkingDate, officeTime } from './demo-time';
import { Random } from './random';

export interface DemoSettings {
  seed: number;
  /** The demo year; the year before is generated too, for comparisons. */
  year: number;
  /** 1 gives the example report's volumes; tests use a fraction. */
  scale: number;
  clock: ClockSettings & { rollForward: boolean };
  collectiveThreshold: number;
  /** Seals petitioners' personal data as the API does (per-petitioner keys, AAD = the event id). */
  seal: (
    openedEventId: string,
    petitioners: readonly PetitionerInput[],
    petitionerId: () => string,
  ) => SealedPetitioner[];
  /** Nothing is dated after this instant (ms); default the end of the year. */
  endMs?: number;
  onDay?: (date: LocalDate) => void;
}

export interface DemoPrincipal {
  id: string;
  name: string;
  role: Role;
  units: string[];
  token: string;
}

export interface DemoSummary {
  from: LocalDate;
  to: LocalDate;
  principals: DemoPrincipal[];
  matters: number;
  /** Contacts by year and kind (visit-collective, visit-individual, skip-level, online, letter, phone, sms). */
  contacts: Record<string, Record<string, number>>;
  campaign: { id: string; cases: number } | null;
  /** Commands the domain refused (a demo bug if any): rule → count. */
  refusals: Record<string, number>;
}

type ArrivalKind =
  | 'cityCollective'
  | 'cityIndividual'
  | 'online'
  | 'sms'
  | 'letter'
  | 'phone'
  | 'prefectureCollective'
  | 'prefectureIndividual'
  | 'provinceCollective'
  | 'provinceIndividual'
  | 'nationalCollective'
  | 'nationalIndividual';

const ARRIVAL_KINDS: readonly ArrivalKind[] = [
  'cityCollective',
  'cityIndividual',
  'online',
  'sms',
  'letter',
  'phone',
  'prefectureCollective',
  'prefectureIndividual',
  'provinceCollective',
  'provinceIndividual',
  'nationalCollective',
  'nationalIndividual',
];

interface SimMatter {
  id: string;
  stream: string;
  state: MatterState;
  kind: ArrivalKind;
  home: string;
  project: HousingProject | null;
  trueCategory: Category;
  campaign: boolean;
  dissatisfied: boolean;
  returned: boolean;
}

interface Task {
  at: number;
  seq: number;
  run: () => unknown;
}

/** A binary heap of tasks by time, ties in scheduling order: the simulation's only clock. */
class Agenda {
  private heap: Task[] = [];
  private seq = 0;

  add(atMs: number, run: Task['run']): void {
    const task = { at: atMs, seq: this.seq++, run };
    const h = this.heap;
    h.push(task);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  next(): Task | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Task, b: Task): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** Matters recent enough to be contacted again, oldest first; older ones fall off the front. */
class Pool {
  private items: SimMatter[] = [];
  private start = 0;

  constructor(private readonly windowDays: number) {}

  add(matter: SimMatter): void {
    this.items.push(matter);
  }

  pick(rng: Random, nowMs: number, prefer?: (m: SimMatter) => boolean): SimMatter | null {
    const horizon = nowMs - this.windowDays * DAY;
    while (this.start < this.items.length && Date.parse(this.items[this.start].state.openedAt) < horizon) this.start++;
    const size = this.items.length - this.start;
    if (size === 0) return null;
    let chosen: SimMatter | null = null;
    for (let attempt = 0; attempt < 6; attempt++) {
      chosen = this.items[this.start + Math.floor(rng.next() * size)];
      if (!prefer || prefer(chosen)) break;
    }
    if (this.start > 4096) {
      this.items = this.items.slice(this.start);
      this.start = 0;
    }
    return chosen;
  }
}

const ADMIN: Actor = { id: 'admin', role: 'admin' };
const REGISTRAR: Actor = { id: 'registrar-1', role: 'registrar' };
const handler = (unit: string): Actor => ({ id: `handler-${unit}`, role: 'handler' });
const leaderActor = (key: LeaderKey): Actor => ({ id: LEADERS[key].id, role: 'leader' });

const REPLY_NOTES: Record<string, string> = {
  supported: '经核实，诉求合理，已督促相关责任方限期解决并书面答复信访人',
  partially_supported: '部分诉求合理，已协调解决；其余诉求已依法依规向信访人解释说明',
  not_supported: '经调查核实，诉求缺乏政策依据，不予支持，已书面告知信访人',
  explained: '已向信访人解释相关政策规定，并告知其依法维权途径',
};

/**
 * The demo city's two years as a discrete-event simulation: contacts arrive day by day
 * (with the seasons of the example report), every matter then moves through the
 * statutory steps at its responsible unit's pace, and the bureau's own rhythm (weekly
 * judgment meetings, receptions, screenings, the backlog campaign, accountability)
 * runs alongside. Every fact is decided by the domain (the same deciders the API calls)
 * with `now` set to the simulated instant, and appended as its actor in time order, so
 * ledger positions follow the calendar.
 */
export class DemoSimulation {
  private readonly rng: Random;
  /** Petitioner ids and personal data: their own stream, so sealing never shifts the simulation. */
  private readonly people: Random;
  private readonly agenda = new Agenda();
  private readonly matters = new Map<string, SimMatter>();
  private readonly byProject = new Map<string, Pool>();
  private readonly visitPool = new Pool(180);
  private readonly collectivePool = new Pool(120);
  private readonly onlinePool = new Pool(120);
  private readonly anyPool = new Pool(365);
  private readonly hot: SimMatter[] = [];
  private readonly lateByUnitMonth = new Map<string, string[]>();
  private readonly refusals: Record<string, number> = {};
  private readonly contactCounts: Record<string, Record<string, number>> = {};
  private readonly mattersPerDay = new Map<string, number>();
  private readonly principals: DemoPrincipal[] = [];
  private readonly weights = new Map<string, number>();
  private campaign: { id: string; state: CampaignState | null; cases: SimMatter[] } | null = null;
  /** The instant of the task being run: the simulation's "now". */
  private clock = 0;
  private readonly sequences = new Map<string, number>();
  private readonly first: LocalDate;
  private readonly last: LocalDate;
  private readonly endMs: number;
  private readonly factShare: number;
  private readonly workReport: WorkReportFacts;

  constructor(
    private readonly ledger: DemoLedger,
    private readonly settings: DemoSettings,
  ) {
    this.rng = new Random(settings.seed, 1);
    this.people = new Random(settings.seed, 2);
    this.first = `${settings.year - 1}-01-01` as LocalDate;
    this.last = `${settings.year}-12-31` as LocalDate;
    this.endMs = Math.min(settings.endMs ?? Number.POSITIVE_INFINITY, midnight(addDays(this.last, 1)) - 1);
    // At a small scale the bureau's routine facts thin out with the contacts.
    this.factShare = Math.min(1, settings.scale * 2);
    for (const p of HOUSING_PROJECTS) this.byProject.set(p.name, new Pool(365));
    const schedule = (atMs: number, run: (atMs: number) => Promise<unknown>) => this.schedule(atMs, run);
    this.workReport = new WorkReportFacts({
      ledger,
      seed: settings.seed,
      clock: settings.clock,
      schedule,
      registrar: REGISTRAR,
    });
  }

  async run(): Promise<DemoSummary> {
    await this.registerCity(at(addDays(this.first, -2), 9));
    for (let date = this.first; compareDates(date, this.last) <= 0; date = addDays(date, 1)) {
      const day = date;
      if (midnight(day) > this.endMs) break;
      this.agenda.add(midnight(day), () => this.startDay(day));
    }
    this.agenda.add(
      at(nextWorkingDate(this.settings.clock.calendar, `${this.settings.year}-02-20` as LocalDate), 9.5),
      () => this.launchCampaign(),
    );
    for (let task = this.agenda.next(); task; task = this.agenda.next()) {
      if (task.at > this.endMs) continue;
      this.clock = task.at;
      await task.run();
    }
    return {
      from: this.first,
      to: dateOf(Math.min(this.endMs, midnight(addDays(this.last, 1)) - 1)),
      principals: this.principals,
      matters: this.matters.size,
      contacts: this.contactCounts,
      campaign: this.campaign ? { id: this.campaign.id, cases: this.campaign.cases.length } : null,
      refusals: this.refusals,
    };
  }

  // ---------------------------------------------------------------- the city

  private async registerCity(atMs: number): Promise<void> {
    const now = iso(atMs);
    for (const unit of UNITS) {
      await this.fact(`unit-${unit.code}`, ADMIN, () => [
        registerUnit(
          { type: 'RegisterUnit', code: unit.code, name: unit.name, kind: unit.kind, parent: null },
          { now },
        ),
      ]);
    }
    const people: Omit<DemoPrincipal, 'token'>[] = [
      { id: REGISTRAR.id, name: '市信访局登记员 王芳', role: 'registrar', units: [] },
      ...Object.values(LEADERS).map((l) => ({ id: l.id, name: l.name, role: 'leader' as const, units: [] })),
      { id: 'analyst-1', name: '市信访局分析员 孙晓明', role: 'analyst', units: [] },
      { id: 'auditor-1', name: '市委督查室 周敏', role: 'auditor', units: [] },
      ...UNITS.map((u) => ({
        id: handler(u.code).id,
        name: `${u.name}信访专干 ${this.personName(this.people)}`,
        role: 'handler' as const,
        units: [u.code],
      })),
    ];
    for (const person of people) {
      // Tokens are fresh on every run: a demo's well-known seed must not give a well-known login.
      const token = newToken();
      await this.fact(`principal-${person.id}`, ADMIN, () => [
        registerPrincipal(
          {
            type: 'RegisterPrincipal',
            principalId: person.id,
            name: person.name,
            role: person.role,
            units: person.units,
            tokenHash: hashToken(token),
          },
          { now },
        ),
      ]);
      this.principals.push({ ...person, token });
    }
  }

  // ---------------------------------------------------------------- writing through the domain

  private refused(error: unknown): void {
    if (!isRuleViolation(error)) throw error;
    this.refusals[error.rule] = (this.refusals[error.rule] ?? 0) + 1;
  }

  /** A fact outside matters: decided by its domain function, appended as `actor`. */
  private async fact(stream: string, actor: Actor, decide: () => DomainEvent[]): Promise<boolean> {
    let events: DomainEvent[];
    try {
      events = decide();
    } catch (error) {
      this.refused(error);
      return false;
    }
    await this.ledger.write(stream, actor, events);
    return true;
  }

  private context(atMs: number): DecisionContext {
    const { clock, collectiveThreshold } = this.settings;
    return {
      now: iso(atMs),
      timeZone: clock.timeZone,
      calendar: clock.calendar,
      rollForward: clock.rollForward,
      collectiveThreshold,
    };
  }

  /** A matter command at `atMs`, decided on the matter's state as the API would, then appended. */
  private async command(m: SimMatter, actor: Actor, atMs: number, command: MatterCommand): Promise<boolean> {
    let events: DomainEvent[];
    try {
      events = decideMatter(command, m.state, this.context(atMs));
    } catch (error) {
      this.refused(error);
      return false;
    }
    await this.ledger.write(m.stream, actor, events);
    for (const event of events) m.state = evolveMatter(m.state, event)!;
    return true;
  }

  // ---------------------------------------------------------------- a day

  private async startDay(date: LocalDate): Promise<void> {
    this.settings.onDay?.(date);
    const year = Number(date.slice(0, 4));
    const volumes = year === this.settings.year ? CURRENT_YEAR : PREVIOUS_YEAR;
    for (const kind of ARRIVAL_KINDS) {
      const n = this.rng.poisson(
        (this.yearly(kind, volumes) * this.settings.scale * this.weight(kind, date)) / this.yearWeight(kind, year),
      );
      for (let i = 0; i < n; i++) {
        const when = this.arrivalTime(kind, date);
        this.agenda.add(when, () => this.arrive(kind, when));
      }
    }
    await this.routine(date);
    this.workReport.day(date);
  }

  private yearly(kind: ArrivalKind, v: YearVolumes): number {
    switch (kind) {
      case 'cityCollective':
        return v.cityCollective;
      case 'cityIndividual':
        return v.cityIndividual;
      case 'online':
        return v.online;
      case 'sms':
        return v.sms;
      case 'letter':
        return v.letters;
      case 'phone':
        return v.phone;
      case 'prefectureCollective':
        return v.skip.prefecture[0];
      case 'prefectureIndividual':
        return v.skip.prefecture[1];
      case 'provinceCollective':
        return v.skip.province[0];
      case 'provinceIndividual':
        return v.skip.province[1];
      case 'nationalCollective':
        return v.skip.national[0];
      case 'nationalIndividual':
        return v.skip.national[1];
    }
  }

  /** Within the weeks before the Spring Festival, when unpaid workers come for their wages. */
  private wageSeason(date: LocalDate): boolean {
    const year = Number(date.slice(0, 4));
    return [year, year + 1].some((y) => {
      const festival = (SPRING_FESTIVAL[y] ?? `${y}-02-01`) as LocalDate;
      return compareDates(date, addDays(festival, -42)) >= 0 && compareDates(date, addDays(festival, -2)) <= 0;
    });
  }

  /** Sensitive periods (两会, and in 2022 the Winter Olympics and the 20th Party Congress): daily screening, no trips to Beijing. */
  private sensitive(date: LocalDate): boolean {
    const md = date.slice(5);
    if (md >= '03-03' && md <= '03-12') return true;
    if (date >= '2022-02-04' && date <= '2022-02-20') return true;
    return date >= '2022-10-14' && date <= '2022-10-23';
  }

  private weight(kind: ArrivalKind, date: LocalDate): number {
    const working = this.settings.clock.calendar.isWorkingDay(date);
    const visit = kind !== 'online' && kind !== 'sms' && kind !== 'letter' && kind !== 'phone';
    let w = working ? 1 : visit ? 0.06 : kind === 'letter' ? 0 : kind === 'online' ? 0.6 : 0.5;
    if (this.wageSeason(date)) {
      if (kind === 'cityCollective') w *= 2.6;
      else if (kind === 'cityIndividual') w *= 1.4;
      else if (visit) w *= 1.5;
      else if (kind === 'phone' || kind === 'sms') w *= 1.3;
    }
    const month = Number(date.slice(5, 7));
    if (kind === 'online' && (month === 3 || month === 4)) w *= 1.35;
    if (
      (kind === 'nationalIndividual' || kind === 'nationalCollective') &&
      this.sensitive(date) &&
      date.startsWith(String(this.settings.year))
    ) {
      w *= 0.05;
    }
    return w;
  }

  private yearWeight(kind: ArrivalKind, year: number): number {
    const key = `${kind}|${year}`;
    let total = this.weights.get(key);
    if (total === undefined) {
      total = 0;
      for (let d = `${year}-01-01` as LocalDate; d.startsWith(String(year)); d = addDays(d, 1))
        total += this.weight(kind, d);
      this.weights.set(key, total);
    }
    return total;
  }

  private arrivalTime(kind: ArrivalKind, date: LocalDate): number {
    if (kind === 'online' || kind === 'sms') return at(date, this.rng.between(7, 23.9));
    if (kind === 'phone') return at(date, this.rng.between(8, 20));
    return officeTime(this.rng, date);
  }

  // ---------------------------------------------------------------- contacts

  private count(atMs: number, label: string): void {
    const year = dateOf(atMs).slice(0, 4);
    const counts = (this.contactCounts[year] ??= {});
    counts[label] = (counts[label] ?? 0) + 1;
  }

  private contactOf(kind: ArrivalKind): {
    channel: 'visit' | 'online' | 'letter' | 'phone' | 'sms';
    level: Level;
    source: Source | null;
    headcount: number;
    label: string;
  } {
    const r = this.rng;
    const collective = () => Math.min(120, 5 + Math.floor(Math.exp(1.45 + 0.8 * r.normal())));
    const individual = () =>
      r.weighted([
        [1, 0.62],
        [2, 0.24],
        [3, 0.09],
        [4, 0.05],
      ] as const);
    switch (kind) {
      case 'cityCollective':
        return { channel: 'visit', level: 'city', source: null, headcount: collective(), label: 'visit-collective' };
      case 'cityIndividual':
        return { channel: 'visit', level: 'city', source: null, headcount: individual(), label: 'visit-individual' };
      case 'online':
        return { channel: 'online', level: 'city', source: r.weighted(ONLINE_SOURCES), headcount: 1, label: 'online' };
      case 'sms':
        return { channel: 'sms', level: 'city', source: null, headcount: 1, label: 'sms' };
      case 'letter':
        return { channel: 'letter', level: 'city', source: null, headcount: 1, label: 'letter' };
      case 'phone':
        return { channel: 'phone', level: 'city', source: null, headcount: 1, label: 'phone' };
      default: {
        const level: Level = kind.startsWith('prefecture')
          ? 'prefecture'
          : kind.startsWith('province')
            ? 'province'
            : 'national';
        const headcount = kind.endsWith('Collective')
          ? r.int(5, 9)
          : r.weighted([
              [1, 0.6],
              [2, 0.3],
              [3, 0.1],
            ] as const);
        return { channel: 'visit', level, source: null, headcount, label: `skip-${level}` };
      }
    }
  }

  private repeatChance(kind: ArrivalKind): number {
    switch (kind) {
      case 'online':
        return 0.63;
      case 'cityCollective':
        return 0.38;
      case 'cityIndividual':
        return 0.3;
      case 'sms':
        return 0.35;
      case 'phone':
        return 0.3;
      case 'letter':
        return 0.25;
      default:
        return 0.4;
    }
  }

  private pickRepeat(kind: ArrivalKind, nowMs: number): SimMatter | null {
    const r = this.rng;
    const unsettled = (m: SimMatter) => !m.state.resolved;
    if (kind === 'online') {
      if (r.chance(0.85)) {
        const project = r.weighted(HOUSING_PROJECTS.map((p) => [p, p.online] as const));
        const found = this.byProject.get(project.name)!.pick(r, nowMs, unsettled);
        if (found) return found;
      }
      return this.onlinePool.pick(r, nowMs, unsettled);
    }
    if (kind === 'cityCollective') return this.collectivePool.pick(r, nowMs, unsettled);
    if (kind === 'cityIndividual' || kind === 'letter' || kind === 'phone' || kind === 'sms')
      return this.visitPool.pick(r, nowMs, unsettled);
    // Escalations are mostly about matters the city has not settled to the petitioner's satisfaction.
    return this.anyPool.pick(r, nowMs, (m) => m.dissatisfied || (unsettled(m) && m.state.contacts.length > 1));
  }

  private async arrive(kind: ArrivalKind, nowMs: number): Promise<void> {
    const contact = this.contactOf(kind);
    this.count(nowMs, contact.label);
    const input = {
      occurredAt: iso(nowMs),
      channel: contact.channel,
      level: contact.level,
      source: contact.source,
      headcount: contact.headcount,
    };
    if (this.rng.chance(this.repeatChance(kind))) {
      const matter = this.pickRepeat(kind, nowMs);
      if (matter) {
        await this.command(matter, REGISTRAR, nowMs, { type: 'RecordContact', contact: input });
        if (contact.level !== 'city' || contact.headcount >= 20) this.hot.push(matter);
        return;
      }
    }
    await this.openMatter(kind, nowMs, input, contact.headcount);
  }

  private mixFor(kind: ArrivalKind, date: LocalDate): Mix {
    const base =
      kind === 'cityCollective'
        ? CATEGORY_MIX.collective
        : kind === 'cityIndividual'
          ? CATEGORY_MIX.individual
          : kind === 'online'
            ? CATEGORY_MIX.online
            : kind === 'sms' || kind === 'letter' || kind === 'phone'
              ? CATEGORY_MIX.remote
              : CATEGORY_MIX.skip;
    if (!this.wageSeason(date) || kind === 'online') return base;
    const labour = kind === 'cityCollective' ? 0.8 : kind === 'cityIndividual' ? 0.45 : 0.5;
    const rest = base.filter(([c]) => c !== 'labour_social_security');
    const restTotal = rest.reduce((s, [, w]) => s + w, 0);
    return [['labour_social_security', labour], ...rest.map(([c, w]) => [c, (w / restTotal) * (1 - labour)] as const)];
  }

  private async openMatter(kind: ArrivalKind, nowMs: number, contact: ContactInput, headcount: number): Promise<void> {
    const r = this.rng;
    const date = dateOf(nowMs);
    const category = r.weighted(this.mixFor(kind, date));
    let project: HousingProject | null = null;
    let subject: string | null = null;
    if (category === 'urban_rural_construction') {
      const share = kind === 'online' ? 0.9 : kind.startsWith('city') ? 0.65 : 0.7;
      if (r.chance(share)) project = r.weighted(HOUSING_PROJECTS.map((p) => [p, p.online] as const));
      else if (r.chance(0.3)) subject = r.pick(VILLAGES);
    } else if (category === 'labour_social_security') {
      if (r.chance(0.6))
        project = r.weighted(HOUSING_PROJECTS.filter((p) => p.wages > 0).map((p) => [p, p.wages] as const));
      else subject = r.pick(COMPANIES);
    } else if (
      category === 'agriculture_rural' ||
      category === 'land_resources' ||
      category === 'discipline_inspection'
    ) {
      if (r.chance(0.7)) subject = r.pick(VILLAGES);
    }
    if (project) subject = project.name;
    const home = this.homeUnit(category, project);
    // Now and then the registrar picks the wrong category and corrects it a day or two later.
    const registered: Category = r.chance(0.01)
      ? r.pick(CATEGORY_MIX.remote.map(([c]) => c).filter((c) => c !== category))
      : category;
    const perDay = (this.mattersPerDay.get(date) ?? 0) + 1;
    this.mattersPerDay.set(date, perDay);
    const id = `XF${date.replace(/-/g, '')}-${String(perDay).padStart(4, '0')}`;
    const petitioners = this.petitionersFor(contact.channel, headcount);
    const openedEventId = this.ledger.eventId(nowMs);
    const sealed = this.settings.seal(openedEventId, petitioners, () => `pet-${this.people.base64url(9)}`);
    const summary = this.summary(category, subject);
    let events: DomainEvent[];
    try {
      events = decideMatter(
        {
          type: 'OpenMatter',
          matterId: id,
          category: registered,
          subject,
          responsibleUnit: home,
          summary,
          petitioners: sealed,
          contact,
        },
        null,
        this.context(nowMs),
      );
    } catch (error) {
      this.refused(error);
      return;
    }
    await this.ledger.write(`matter-${id}`, REGISTRAR, events, openedEventId);
    let state: MatterState | null = null;
    for (const event of events) state = evolveMatter(state, event);
    const m: SimMatter = {
      id,
      stream: `matter-${id}`,
      state: state!,
      kind,
      home,
      project,
      trueCategory: category,
      campaign: false,
      dissatisfied: false,
      returned: false,
    };
    this.matters.set(id, m);
    this.workReport.opened(id, contact.level ?? 'city', nowMs);
    this.anyPool.add(m);
    if (project) this.byProject.get(project.name)!.add(m);
    if (kind === 'online') this.onlinePool.add(m);
    else if (kind === 'cityCollective') this.collectivePool.add(m);
    else this.visitPool.add(m);
    if (kind !== 'online' && kind.endsWith('Collective')) this.hot.push(m);
    if (!kind.startsWith('city') && kind !== 'online' && kind !== 'sms' && kind !== 'letter' && kind !== 'phone')
      this.hot.push(m);

    const cal = this.settings.clock.calendar;
    if (registered !== category) {
      this.agenda.add(later(r, cal, nowMs, 0.5, 3), () =>
        this.command(m, REGISTRAR, this.clock, {
          type: 'CorrectMatter',
          field: 'category',
          value: category,
          reason: '登记时问题类别选择有误，予以更正',
        }),
      );
    }
    // 包案: a leader owns the big collective visits, escalations and the hot housing projects' cases.
    const ownable =
      headcount >= 20 ||
      (contact.level !== 'city' && r.chance(0.5)) ||
      (project && project.online >= 0.1 && r.chance(0.15));
    if (ownable) {
      const leader: LeaderKey = project
        ? project.owner
        : category === 'appeals'
          ? 'politicsLaw'
          : category === 'labour_social_security'
            ? 'executive'
            : r.pick(['executive', 'mayor', 'politicsLaw'] as const);
      this.agenda.add(later(r, cal, nowMs, 0.5, 4), () => this.own(m, leader));
    }
    const assignAfter = kind === 'online' ? [0.1, 2.5] : contact.level !== 'city' ? [1, 4] : [0.3, 6];
    const bureauLate = r.chance(0.015);
    this.agenda.add(later(r, cal, nowMs, bureauLate ? 16 : assignAfter[0], bureauLate ? 22 : assignAfter[1]), () =>
      this.assign(m),
    );
  }

  private homeUnit(category: Category, project: HousingProject | null): string {
    const choice = this.rng.weighted(CATEGORY_UNITS[category]);
    if (choice !== 'town') return choice;
    if (project) return project.unit;
    return this.rng.weighted(TOWNS.map((t) => [t.code, t.weight] as const));
  }

  private summary(category: Category, subject: string | null): string {
    const template = this.rng.pick(SUMMARIES[category]);
    return template
      .replace('{s}', subject ?? this.rng.pick(COMPANIES))
      .replace('{v}', subject && VILLAGES.includes(subject) ? subject : this.rng.pick(VILLAGES))
      .replace('{n}', String(this.rng.int(3, 180)));
  }

  private personName(r: Random): string {
    return r.pick(SURNAMES) + r.pick(GIVEN);
  }

  private petitionersFor(channel: string, headcount: number): PetitionerInput[] {
    const p = this.people;
    if (channel === 'sms' && p.chance(0.2)) return [];
    // A collective visit names its representatives (代表), not every person.
    const count = headcount >= 5 ? p.int(1, 3) : 1;
    return Array.from({ length: count }, () => {
      const birth = `${p.int(1950, 2001)}${String(p.int(1, 12)).padStart(2, '0')}${String(p.int(1, 28)).padStart(2, '0')}`;
      const body = `419901${birth}${String(p.int(0, 999)).padStart(3, '0')}`;
      return {
        name: this.personName(p),
        idNumber: body + idCheckDigit(body),
        phone: `1${p.pick(['3', '5', '7', '8', '9'])}${String(p.int(0, 999_999_999)).padStart(9, '0')}`,
        address: `${CITY}${p.pick(TOWNS).name}${p.pick(VILLAGES)}${p.int(1, 120)}号`,
      };
    });
  }

  // ---------------------------------------------------------------- the statutory steps

  private schedule(atMs: number, run: (atMs: number) => Promise<unknown> | unknown): void {
    this.agenda.add(atMs, async () => {
      await run(atMs);
    });
  }

  /**
   * The stream of a fact that has no natural id, named as the API names it
   * (`reception-RC20220105-…`), with a counter where the API has random bits.
   */
  private factStream(kind: 'reception' | 'screening' | 'risk_assessment' | 'accountability', when: number): string {
    const prefix = { reception: 'RC', screening: 'SC', risk_assessment: 'RA', accountability: 'AC' }[kind];
    const key = `${kind}-${prefix}${dateOf(when).replace(/-/g, '')}`;
    const n = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, n);
    return `${key}-${String(n).padStart(4, '0')}`;
  }

  private async assign(m: SimMatter): Promise<void> {
    const r = this.rng;
    const now = this.clock;
    const s = m.state.status;
    if (s !== 'registered' && s !== 'returned') return;
    const reassigning = s === 'returned';
    // The bureau sometimes sends a matter to the wrong unit; that unit returns it (异议).
    let unit = m.home;
    if (!reassigning && r.chance(0.06)) {
      unit = r.weighted(UNITS.filter((u) => u.code !== m.home).map((u) => [u.code, u.profile.misrouteWeight] as const));
    }
    const mode =
      reassigning ||
      m.kind.endsWith('Collective') ||
      !['cityIndividual', 'online', 'sms', 'letter', 'phone'].includes(m.kind)
        ? 'assign'
        : 'transfer';
    if (!(await this.command(m, REGISTRAR, now, { type: 'AssignMatter', unit, mode, occurredAt: iso(now) }))) return;
    const assignment = m.state.assignments.length;
    const cal = this.settings.clock.calendar;
    const profile = unitByCode.get(unit)!.profile;
    const wrong = unit !== m.home;
    if ((wrong && r.chance(0.9)) || (!wrong && !m.returned && r.chance(profile.returnsOwn))) {
      this.schedule(later(r, cal, now, 0.3, 3), (t) => this.returnRemit(m, unit, assignment, t));
      return;
    }
    const late = r.chance(profile.lateAcceptance);
    const [min, max] = m.kind === 'online' ? [0.1, 3] : late ? [16, 24] : profile.acceptDays;
    this.schedule(later(r, cal, now, min, max), (t) => this.accept(m, unit, assignment, t));
  }

  private current(m: SimMatter, unit: string, assignment: number): boolean {
    const a = m.state.assignments[m.state.assignments.length - 1];
    return m.state.assignments.length === assignment && a?.unit === unit && a.returnedAt === null;
  }

  private async returnRemit(m: SimMatter, unit: string, assignment: number, now: number): Promise<void> {
    if (!this.current(m, unit, assignment) || m.state.assignments[assignment - 1].decidedAt) return;
    if (
      !(await this.command(m, handler(unit), now, {
        type: 'ReturnOutsideRemit',
        reason: this.rng.pick(REMIT_REASONS),
        occurredAt: iso(now),
      }))
    )
      return;
    m.returned = true;
    this.schedule(later(this.rng, this.settings.clock.calendar, now, 0.2, 3), () => this.assign(m));
  }

  private async accept(m: SimMatter, unit: string, assignment: number, now: number): Promise<void> {
    const r = this.rng;
    if (!this.current(m, unit, assignment) || m.state.assignments[assignment - 1].decidedAt) return;
    const refuse = r.chance(m.trueCategory === 'appeals' ? 0.25 : 0.03);
    const ok = await this.command(m, handler(unit), now, {
      type: 'DecideAcceptance',
      accepted: !refuse,
      reason: refuse ? r.pick(NOT_ACCEPTED_REASONS) : null,
      occurredAt: iso(now),
    });
    if (!ok || refuse) return;
    const cal = this.settings.clock.calendar;
    const profile = unitByCode.get(unit)!.profile;
    const acceptedAt = m.state.reply!.acceptedAt;
    const { lastDay } = lastDayAfterInstant(STATUTORY_LIMITS.reply, acceptedAt, this.settings.clock);
    let replyAt: number;
    if (m.kind === 'online') {
      // Platform complaints are chased by the platform: replied within weeks everywhere.
      replyAt = later(r, cal, now, 3, 20);
    } else if (r.chance(profile.extension)) {
      const extendAt = later(r, cal, now, 40, 56);
      const days = r.pick([15, 20, 30]);
      this.schedule(extendAt, (t) => this.extend(m, unit, days, t));
      replyAt = later(r, cal, now, 61, 58 + days);
    } else if (r.chance(profile.lateReply)) {
      replyAt = officeTime(r, nextWorkingDate(cal, addDays(lastDay, r.int(1, 25))));
    } else {
      replyAt = later(r, cal, now, profile.replyDays[0], Math.min(profile.replyDays[1], 58));
    }
    const actions = m.kind === 'online' ? r.int(0, 1) : r.int(1, 3);
    for (let i = 0; i < actions; i++) {
      const t = now + ((replyAt - now) * (i + 1)) / (actions + 1);
      const [kind, note] = r.pick(ACTION_KINDS);
      this.schedule(Math.round(t / MINUTE) * MINUTE, (tt) => this.act(m, unit, kind, note, tt));
    }
    this.schedule(replyAt, (t) => this.reply(m, unit, t));
  }

  private async act(m: SimMatter, unit: string, kind: string, note: string, now: number): Promise<void> {
    if (m.state.assignedUnit !== unit || m.state.status !== 'accepted') return;
    await this.command(m, handler(unit), now, { type: 'RecordHandlingAction', kind, note, occurredAt: iso(now) });
  }

  private async extend(m: SimMatter, unit: string, days: number, now: number): Promise<void> {
    if (m.state.assignedUnit !== unit || m.state.status !== 'accepted' || m.state.reply?.extension) return;
    await this.command(m, handler(unit), now, {
      type: 'ExtendDeadline',
      days,
      reason: '案情复杂，涉及多个部门，需进一步调查核实',
      approvedBy: LEADERS.executive.name,
      occurredAt: iso(now),
    });
  }

  private async reply(m: SimMatter, unit: string, now: number): Promise<void> {
    const r = this.rng;
    if (m.state.assignedUnit !== unit || m.state.status !== 'accepted') return;
    const outcome = r.weighted([
      ['supported', 0.36],
      ['partially_supported', 0.2],
      ['not_supported', 0.14],
      ['explained', 0.3],
    ] as const);
    if (
      !(await this.command(m, handler(unit), now, {
        type: 'IssueReply',
        outcome,
        note: REPLY_NOTES[outcome],
        occurredAt: iso(now),
      }))
    )
      return;
    const reply = m.state.reply!;
    const { lastDay } = lastDayAfterInstant(
      STATUTORY_LIMITS.reply,
      reply.acceptedAt,
      this.settings.clock,
      reply.extension?.days ?? 0,
    );
    if (compareDates(dateOf(now), lastDay) > 0) {
      const key = `${unit}|${dateOf(now).slice(0, 7)}`;
      const list = this.lateByUnitMonth.get(key) ?? [];
      list.push(m.id);
      this.lateByUnitMonth.set(key, list);
    }
    const cal = this.settings.clock.calendar;
    if (r.chance(m.kind === 'online' ? 0.7 : 0.8)) {
      const shift = { supported: 0.06, partially_supported: -0.02, not_supported: -0.3, explained: -0.06 }[outcome];
      this.schedule(later(r, cal, now, 1, 12), (t) => this.evaluate(m, unit, shift, t));
    } else if (r.chance(0.5)) {
      this.schedule(later(r, cal, now, 3, 30), (t) => this.resolve(m, t));
    }
  }

  private async evaluate(m: SimMatter, unit: string, shift: number, now: number): Promise<void> {
    const r = this.rng;
    const p = Math.max(0.05, Math.min(0.99, unitByCode.get(unit)!.profile.satisfaction + shift));
    const result = r.chance(p) ? (r.chance(0.7) ? 'satisfied' : 'basically_satisfied') : 'dissatisfied';
    if (!(await this.command(m, REGISTRAR, now, { type: 'EvaluateSatisfaction', result, occurredAt: iso(now) })))
      return;
    const cal = this.settings.clock.calendar;
    if (result !== 'dissatisfied') {
      if (r.chance(0.85)) this.schedule(later(r, cal, now, 0, 10), (t) => this.resolve(m, t));
      return;
    }
    m.dissatisfied = true;
    if (r.chance(0.08)) {
      const { lastDay } = lastDayAfterInstant(
        STATUTORY_LIMITS.review_request,
        m.state.reply!.repliedAt!,
        this.settings.clock,
      );
      const requestAt = Math.min(later(r, cal, now, 2, 14), at(lastDay, 10));
      this.schedule(requestAt, (t) => this.requestReview(m, 'review', t));
    } else if (r.chance(0.25)) {
      this.schedule(later(r, cal, now, 20, 120), (t) => this.resolve(m, t));
    }
  }

  private async requestReview(m: SimMatter, stage: 'review' | 're_review', now: number): Promise<void> {
    if (!(await this.command(m, REGISTRAR, now, { type: 'RequestReview', stage, occurredAt: iso(now) }))) return;
    this.schedule(later(this.rng, this.settings.clock.calendar, now, 10, 27), (t) => this.decideReview(m, stage, t));
  }

  private async decideReview(m: SimMatter, stage: 'review' | 're_review', now: number): Promise<void> {
    const r = this.rng;
    const upheld = r.chance(0.8);
    const ok = await this.command(m, leaderActor('executive'), now, {
      type: 'DecideReview',
      stage,
      outcome: upheld ? 'upheld' : 'revised',
      note: upheld ? '维持原处理意见' : '撤销原答复意见，责成承办单位重新办理',
      occurredAt: iso(now),
    });
    if (!ok || stage === 're_review' || !upheld || !r.chance(0.3)) return;
    const { lastDay } = lastDayAfterInstant(
      STATUTORY_LIMITS.re_review_request,
      m.state.review!.decidedAt!,
      this.settings.clock,
    );
    this.schedule(Math.min(later(r, this.settings.clock.calendar, now, 5, 25), at(lastDay, 10)), (t) =>
      this.requestReview(m, 're_review', t),
    );
  }

  private async resolve(m: SimMatter, now: number, note = '问题已解决，信访人表示息诉罢访'): Promise<void> {
    if (m.state.resolved || !m.state.assignedUnit || (m.campaign && note !== CAMPAIGN_NOTE)) return;
    await this.command(m, handler(m.state.assignedUnit), now, { type: 'ResolveMatter', note, occurredAt: iso(now) });
  }

  private async own(m: SimMatter, leader: LeaderKey): Promise<void> {
    if (m.state.owner === LEADERS[leader].name) return;
    await this.command(m, leaderActor(leader), this.clock, {
      type: 'AssignOwner',
      leader: LEADERS[leader].name,
      occurredAt: iso(this.clock),
    });
  }

  // ---------------------------------------------------------------- the bureau's rhythm

  private async routine(date: LocalDate): Promise<void> {
    const cal = this.settings.clock.calendar;
    const r = this.rng;
    const working = cal.isWorkingDay(date);
    const year = Number(date.slice(0, 4));
    const volumes = year === this.settings.year ? CURRENT_YEAR : PREVIOUS_YEAR;
    const keep = () => this.factShare >= 1 || r.chance(this.factShare);
    if (working) {
      // 领导接访: the party secretary most Wednesdays, the mayor now and then, division-level leaders by turns.
      if (isoWeekday(date) === 3 && r.chance(0.8) && keep())
        this.reception(date, LEADERS.secretary.name, 1 + r.poisson(2.1), 3.2, 0.22);
      if (isoWeekday(date) === 4 && r.chance(0.12) && keep())
        this.reception(date, LEADERS.mayor.name, r.int(1, 2), 3.6, 0.3);
      if (r.chance(0.38) && keep()) this.reception(date, r.pick(DIVISION_LEADERS), 1 + r.poisson(1.4), 2.4, 0.48);
      // 排查: every town and department reports twice a month.
      const half = Number(date.slice(8, 10)) >= 16 ? '16' : '01';
      const firstWorking = nextWorkingDate(cal, `${date.slice(0, 8)}${half}` as LocalDate);
      if (firstWorking === date) {
        for (const unit of UNITS) {
          if (!keep()) continue;
          const found = r.poisson(unit.kind === 'town' ? 9 : 3.5);
          this.screening(officeTime(r, date), unit.code, found, r.binomial(found, 0.84));
        }
      }
      if (r.chance((volumes.riskAssessments * Math.max(this.settings.scale, 0.1)) / 250)) {
        const project = r.pick(RISK_PROJECTS);
        const passed = r.chance(volumes.riskPassRate);
        const when = officeTime(r, date);
        this.agenda.add(when, () =>
          this.fact(this.factStream('risk_assessment', when), REGISTRAR, () => [
            recordRiskAssessment(
              { type: 'RecordRiskAssessment', project, passed, occurredAt: iso(when) },
              { now: iso(when) },
            ),
          ]),
        );
      }
      if (this.lastWorkingDayOfWeek(date) && keep()) this.agenda.add(at(date, 15), () => this.weeklyMeeting(date));
      if (
        Number(date.slice(8, 10)) >= 10 &&
        nextWorkingDate(cal, `${date.slice(0, 8)}10` as LocalDate) === date &&
        r.chance(0.85) &&
        keep()
      ) {
        this.agenda.add(at(date, 9.5), () => this.jointMeeting(date));
      }
      if (nextWorkingDate(cal, `${date.slice(0, 8)}05` as LocalDate) === date && date > this.first) {
        this.agenda.add(at(date, 11), () => this.accountability(date));
      }
    }
    // In sensitive periods the towns report every day, zero reports included.
    if (this.sensitive(date)) {
      for (const unit of TOWNS) {
        if (!keep()) continue;
        const found = r.poisson(0.35);
        this.screening(at(date, r.between(17, 18.5)), unit.code, found, r.binomial(found, 0.9));
      }
    }
  }

  private reception(date: LocalDate, leader: string, batches: number, personsPerBatch: number, onSite: number): void {
    const r = this.rng;
    const persons = batches + r.poisson(batches * personsPerBatch);
    const resolvedOnSiteBatches = r.binomial(batches, onSite);
    const resolvedOnSitePersons = Math.min(
      persons,
      resolvedOnSiteBatches + r.poisson(resolvedOnSiteBatches * personsPerBatch),
    );
    const when = at(date, r.between(8.5, 11.5));
    this.agenda.add(when, () =>
      this.fact(this.factStream('reception', when), REGISTRAR, () => [
        recordReception(
          {
            type: 'RecordReception',
            occurredAt: iso(when),
            leader,
            batches,
            persons,
            resolvedOnSiteBatches,
            resolvedOnSitePersons,
          },
          { now: iso(when) },
        ),
      ]),
    );
  }

  private screening(when: number, unit: string, found: number, resolved: number): void {
    this.agenda.add(when, () =>
      this.fact(this.factStream('screening', when), REGISTRAR, () => [
        recordScreening({ type: 'RecordScreening', occurredAt: iso(when), unit, found, resolved }, { now: iso(when) }),
      ]),
    );
  }

  private lastWorkingDayOfWeek(date: LocalDate): boolean {
    const cal = this.settings.clock.calendar;
    const week = weekOf(date);
    let workingDays = 0;
    let last: LocalDate | null = null;
    for (let d = week.from; compareDates(d, week.to) <= 0; d = addDays(d, 1)) {
      if (cal.isWorkingDay(d)) {
        workingDays += 1;
        last = d;
      }
    }
    // Holiday weeks (Spring Festival, National Day) have no judgment meeting.
    return last === date && workingDays >= 3;
  }

  /** Matters worth the leaders' time: recent escalations and big visits, open campaign cases. */
  private agendaMatters(nowMs: number, count: number): SimMatter[] {
    const horizon = nowMs - 21 * DAY;
    while (
      this.hot.length > 0 &&
      Date.parse(this.hot[0].state.contacts[this.hot[0].state.contacts.length - 1].occurredAt) < horizon - 60 * DAY
    )
      this.hot.shift();
    const recent = this.hot.filter(
      (m) => !m.state.resolved && Date.parse(m.state.contacts[m.state.contacts.length - 1].occurredAt) >= horizon,
    );
    const campaign = this.campaign?.cases.filter((m) => !m.state.resolved) ?? [];
    const chosen = new Set<SimMatter>();
    for (let i = 0; i < count * 4 && chosen.size < count; i++) {
      const list = campaign.length > 0 && this.rng.chance(0.4) ? campaign : recent;
      if (list.length > 0) chosen.add(this.rng.pick(list));
    }
    return [...chosen];
  }

  private decisions(date: LocalDate, matters: SimMatter[]) {
    const r = this.rng;
    return matters.map((m) => {
      const unit = m.state.assignedUnit ?? m.state.responsibleUnit;
      const days = r.pick([7, 10, 15, 30]);
      const unitName = unitByCode.get(unit)?.name ?? unit;
      const decision = r.pick([
        `由${unitName}牵头，${days}日内拿出化解方案并报市信访局`,
        `${unitName}主要负责同志包案，限期答复信访人`,
        `${unitName}会同人社局核实欠薪数额，督促企业限期支付`,
        `依法依规处理，${unitName}做好信访人思想疏导工作`,
      ]);
      return { matterId: m.id, decision, unit, dueBy: addDays(date, days) };
    });
  }

  private async weeklyMeeting(date: LocalDate): Promise<void> {
    const now = at(date, 15);
    const chairKey: LeaderKey = this.rng.chance(0.75) ? 'secretary' : 'mayor';
    const decisions = this.decisions(date, this.agendaMatters(now, this.rng.int(1, 4)));
    const meetingId = `wj-${weekOf(date).id}`;
    await this.fact(`meeting-${meetingId}`, leaderActor(chairKey), () => [
      holdMeeting(
        {
          type: 'HoldMeeting',
          meetingId,
          occurredAt: iso(now),
          kind: 'weekly_judgment',
          chair: LEADERS[chairKey].name,
          decisions,
        },
        { now: iso(now) },
      ),
    ]);
  }

  private async jointMeeting(date: LocalDate): Promise<void> {
    const now = at(date, 9.5);
    const decisions = this.decisions(date, this.agendaMatters(now, this.rng.int(2, 5)));
    const meetingId = `joint-${date.slice(0, 7)}`;
    await this.fact(`meeting-${meetingId}`, leaderActor('executive'), () => [
      holdMeeting(
        {
          type: 'HoldMeeting',
          meetingId,
          occurredAt: iso(now),
          kind: 'joint',
          chair: LEADERS.executive.name,
          decisions,
        },
        { now: iso(now) },
      ),
    ]);
  }

  /** 通报批评 of the unit with the most late replies last month; now and then its head is summoned (约谈). */
  private async accountability(date: LocalDate): Promise<void> {
    const now = at(date, 11);
    const previous = dateOf(midnight(`${date.slice(0, 8)}01`) - DAY).slice(0, 7);
    const late = UNITS.map((u) => ({ unit: u, matters: this.lateByUnitMonth.get(`${u.code}|${previous}`) ?? [] }))
      .filter((x) => x.matters.length >= 2)
      .sort((a, b) => b.matters.length - a.matters.length || a.unit.code.localeCompare(b.unit.code));
    if (late.length === 0) return;
    const worst = late[0];
    const grounds = { matters: worst.matters.slice(0, 10) };
    await this.fact(this.factStream('accountability', now), leaderActor('executive'), () => [
      recordAccountabilityAction(
        { type: 'RecordAccountabilityAction', occurredAt: iso(now), kind: 'criticism', unit: worst.unit.code, grounds },
        { now: iso(now) },
      ),
    ]);
    if (this.rng.chance(0.65)) {
      const summoned = late[Math.min(late.length - 1, this.rng.int(0, 1))];
      const when = now + 2 * 60 * MINUTE;
      await this.fact(this.factStream('accountability', when), leaderActor('executive'), () => [
        recordAccountabilityAction(
          {
            type: 'RecordAccountabilityAction',
            occurredAt: iso(when),
            kind: 'summons',
            unit: summoned.unit.code,
            person: `${summoned.unit.name}${summoned.unit.head}`,
            grounds: { matters: summoned.matters.slice(0, 10) },
          },
          { now: iso(when) },
        ),
      ]);
    }
  }

  // ---------------------------------------------------------------- the backlog campaign (积案)

  private async launchCampaign(): Promise<void> {
    const r = this.rng;
    const now = this.clock || at(`${this.settings.year}-02-20`, 9.5);
    const year = this.settings.year;
    const id = `backlog-${year}`;
    const stream = `campaign-${id}`;
    const cal = this.settings.clock.calendar;
    let state: CampaignState | null = null;
    const decide = (command: Parameters<typeof decideCampaign>[0], when: number) => {
      try {
        const events = decideCampaign(command, state, { now: iso(when) });
        for (const event of events) state = evolveCampaign(state, event);
        return events;
      } catch (error) {
        this.refused(error);
        return null;
      }
    };
    const launched = decide(
      {
        type: 'LaunchCampaign',
        campaignId: id,
        name: `${year}年重复信访积案专项治理`,
        targets: [
          { by: `${year}-06-30` as LocalDate, rate: 80 },
          { by: `${year}-07-31` as LocalDate, rate: 90 },
        ],
      },
      now,
    );
    if (!launched) return;
    await this.ledger.write(stream, leaderActor('secretary'), launched);
    this.campaign = { id, state, cases: [] };
    // Long-standing matters: from the year before, unsettled, mostly the problem housing projects.
    const candidates = [...this.matters.values()].filter(
      (m) => !m.state.resolved && m.state.assignedUnit && m.state.openedAt < `${year}-01-01`,
    );
    const score = (m: SimMatter) =>
      (m.project ? 3 : 0) + Math.min(m.state.contacts.length, 5) + (m.dissatisfied ? 2 : 0) + r.next();
    const ranked = candidates
      .map((m) => ({ m, s: score(m) }))
      .sort((a, b) => b.s - a.s)
      .map((x) => x.m);
    const wanted = Math.max(5, Math.round(130 * this.settings.scale));
    const cases = ranked.slice(0, wanted);
    let when = now;
    for (const m of cases) {
      when = later(r, cal, when, 0, 0.6);
      const assignedBy = r.weighted([
        ['central', 0.3],
        ['province', 0.5],
        ['prefecture', 0.2],
      ] as const);
      const caseAt = when;
      this.agenda.add(caseAt, async () => {
        const events = decide({ type: 'AddCampaignCase', matterId: m.id, assignedBy }, caseAt);
        if (!events) return;
        await this.ledger.write(stream, REGISTRAR, events);
        m.campaign = true;
        this.campaign!.cases.push(m);
        if (!m.state.owner) {
          const leader: LeaderKey = m.project ? m.project.owner : 'executive';
          this.schedule(later(r, cal, caseAt, 0.5, 10), () => this.own(m, leader));
        }
        // Resolutions follow the targets, with a margin: about 87 % by the end of June, 94 % by the end of July.
        const u = r.next();
        const resolveAt =
          u < 0.87
            ? later(r, cal, caseAt, 7, Math.max(8, (midnight(`${year}-06-27`) - caseAt) / DAY))
            : u < 0.94
              ? officeTime(r, nextWorkingDate(cal, addDays(`${year}-07-01` as LocalDate, r.int(0, 25))))
              : u < 0.98
                ? officeTime(r, nextWorkingDate(cal, addDays(`${year}-08-01` as LocalDate, r.int(0, 120))))
                : null;
        if (resolveAt !== null) this.schedule(resolveAt, (t) => this.resolve(m, t, CAMPAIGN_NOTE));
      });
    }
  }
}

const CAMPAIGN_NOTE = '经包案领导协调推动，问题已化解，信访人签订息诉罢访承诺书';

/** ISO 7064 MOD 11-2, the check digit of a resident identity number. */
function idCheckDigit(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return '10X98765432'[sum % 11];
}
