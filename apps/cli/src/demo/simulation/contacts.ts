import {
  Category,
  ContactInput,
  decideMatter,
  DomainEvent,
  evolveMatter,
  Level,
  LocalDate,
  MatterState,
  Source,
} from '@app/domain';
import type { PetitionerInput } from '@app/security';
import {
  CATEGORY_MIX,
  CATEGORY_UNITS,
  CITY,
  COMPANIES,
  HOUSING_PROJECTS,
  HousingProject,
  LeaderKey,
  Mix,
  ONLINE_SOURCES,
  SUMMARIES,
  TOWNS,
  VILLAGES,
} from '../demo-city';
import { dateOf, iso, later } from '../demo-time';
import { Pool } from './agenda';
import { personName } from './city';
import { MatterCourse } from './matter-course';
import { wageSeason } from './seasons';
import { ArrivalKind, SimMatter } from './simulated-matter';
import { REGISTRAR, SimulationWorld } from './world';

/**
 * Contacts: a contact either concerns a matter the bureau already has (a repeat, from
 * the pools of recent matters) or opens a new one, with its category, subject,
 * responsible unit and petitioners; a new matter's course starts here.
 */
export class Contacts {
  private readonly byProject = new Map<string, Pool>();
  private readonly visitPool = new Pool(180);
  private readonly collectivePool = new Pool(120);
  private readonly onlinePool = new Pool(120);
  private readonly anyPool = new Pool(365);
  private readonly mattersPerDay = new Map<string, number>();

  constructor(
    private readonly w: SimulationWorld,
    private readonly course: MatterCourse,
  ) {
    for (const p of HOUSING_PROJECTS) this.byProject.set(p.name, new Pool(365));
  }

  private count(atMs: number, label: string): void {
    const year = dateOf(atMs).slice(0, 4);
    const counts = (this.w.contactCounts[year] ??= {});
    counts[label] = (counts[label] ?? 0) + 1;
  }

  private contactOf(kind: ArrivalKind): {
    channel: 'visit' | 'online' | 'letter' | 'phone' | 'sms';
    level: Level;
    source: Source | null;
    headcount: number;
    label: string;
  } {
    const r = this.w.rng;
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
    const r = this.w.rng;
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

  async arrive(kind: ArrivalKind, nowMs: number): Promise<void> {
    const contact = this.contactOf(kind);
    this.count(nowMs, contact.label);
    const input = {
      occurredAt: iso(nowMs),
      channel: contact.channel,
      level: contact.level,
      source: contact.source,
      headcount: contact.headcount,
    };
    if (this.w.rng.chance(this.repeatChance(kind))) {
      const matter = this.pickRepeat(kind, nowMs);
      if (matter) {
        await this.w.command(matter, REGISTRAR, nowMs, { type: 'RecordContact', contact: input });
        if (contact.level !== 'city' || contact.headcount >= 20) this.w.hot.push(matter);
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
    if (!wageSeason(date) || kind === 'online') return base;
    const labour = kind === 'cityCollective' ? 0.8 : kind === 'cityIndividual' ? 0.45 : 0.5;
    const rest = base.filter(([c]) => c !== 'labour_social_security');
    const restTotal = rest.reduce((s, [, w]) => s + w, 0);
    return [['labour_social_security', labour], ...rest.map(([c, w]) => [c, (w / restTotal) * (1 - labour)] as const)];
  }

  private async openMatter(kind: ArrivalKind, nowMs: number, contact: ContactInput, headcount: number): Promise<void> {
    const r = this.w.rng;
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
    const openedEventId = this.w.ledger.eventId(nowMs);
    const sealed = this.w.settings.seal(openedEventId, petitioners, () => `pet-${this.w.people.base64url(9)}`);
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
        this.w.context(nowMs),
      );
    } catch (error) {
      this.w.refused(error);
      return;
    }
    await this.w.ledger.write(`matter-${id}`, REGISTRAR, events, openedEventId);
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
    this.w.matters.set(id, m);
    this.w.workReport.opened(id, contact.level ?? 'city', nowMs);
    this.anyPool.add(m);
    if (project) this.byProject.get(project.name)!.add(m);
    if (kind === 'online') this.onlinePool.add(m);
    else if (kind === 'cityCollective') this.collectivePool.add(m);
    else this.visitPool.add(m);
    if (kind !== 'online' && kind.endsWith('Collective')) this.w.hot.push(m);
    if (!kind.startsWith('city') && kind !== 'online' && kind !== 'sms' && kind !== 'letter' && kind !== 'phone')
      this.w.hot.push(m);

    const cal = this.w.settings.clock.calendar;
    if (registered !== category) {
      this.w.agenda.add(later(r, cal, nowMs, 0.5, 3), () =>
        this.w.command(m, REGISTRAR, this.w.clock, {
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
      this.w.agenda.add(later(r, cal, nowMs, 0.5, 4), () => this.course.own(m, leader));
    }
    const assignAfter = kind === 'online' ? [0.1, 2.5] : contact.level !== 'city' ? [1, 4] : [0.3, 6];
    const bureauLate = r.chance(0.015);
    this.w.agenda.add(later(r, cal, nowMs, bureauLate ? 16 : assignAfter[0], bureauLate ? 22 : assignAfter[1]), () =>
      this.course.assign(m),
    );
  }

  private homeUnit(category: Category, project: HousingProject | null): string {
    const choice = this.w.rng.weighted(CATEGORY_UNITS[category]);
    if (choice !== 'town') return choice;
    if (project) return project.unit;
    return this.w.rng.weighted(TOWNS.map((t) => [t.code, t.weight] as const));
  }

  private summary(category: Category, subject: string | null): string {
    const template = this.w.rng.pick(SUMMARIES[category]);
    return template
      .replace('{s}', subject ?? this.w.rng.pick(COMPANIES))
      .replace('{v}', subject && VILLAGES.includes(subject) ? subject : this.w.rng.pick(VILLAGES))
      .replace('{n}', String(this.w.rng.int(3, 180)));
  }

  private petitionersFor(channel: string, headcount: number): PetitionerInput[] {
    const p = this.w.people;
    if (channel === 'sms' && p.chance(0.2)) return [];
    // A collective visit names its representatives (代表), not every person.
    const count = headcount >= 5 ? p.int(1, 3) : 1;
    return Array.from({ length: count }, () => {
      const birth = `${p.int(1950, 2001)}${String(p.int(1, 12)).padStart(2, '0')}${String(p.int(1, 28)).padStart(2, '0')}`;
      const body = `419901${birth}${String(p.int(0, 999)).padStart(3, '0')}`;
      return {
        name: personName(p),
        idNumber: body + idCheckDigit(body),
        phone: `1${p.pick(['3', '5', '7', '8', '9'])}${String(p.int(0, 999_999_999)).padStart(9, '0')}`,
        address: `${CITY}${p.pick(TOWNS).name}${p.pick(VILLAGES)}${p.int(1, 120)}号`,
      };
    });
  }
}

/** ISO 7064 MOD 11-2, the check digit of a resident identity number. */
function idCheckDigit(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return '10X98765432'[sum % 11];
}
