import type { Category, Channel, Level } from '../code-lists';
import type { CampaignTarget } from '../events/activity-events';
import { change, Change, rate } from '../indicators/indicators';
import type { Period } from '../periods/periods';
import { compareDates, daysBetween, LocalDate } from '../time/local-date';
import { compareInstants } from '../time/time-zone';
import type { CampaignFact, ContactFact, MatterMilestone, MeetingFact, OwnedMatterFact, UnitAct } from './rhythm-facts';
import { compareCodePoints, milestoneEvidence, MilestoneEvidence } from './unit-figures';

// ---- rising subjects (hot spots) ----

export interface RisingSubject {
  readonly subject: string;
  readonly thisWeek: number;
  /** Contacts in each of the 4 weeks before, oldest first. */
  readonly previousWeeks: readonly number[];
  readonly average: number;
  /** This week against the 4-week average. */
  readonly change: Change;
}

/** A subject is rising with at least this many contacts in the week and more than its 4-week average. */
export const RISING_MINIMUM = 2;

/**
 * Subjects (the housing project, employer or place a matter is about) whose
 * contacts this week exceed their average over the 4 weeks before. `weekOf`
 * maps a contact date to 0 (this week) or 1..4 (weeks before, 1 the nearest).
 */
export function risingSubjects(
  contacts: readonly ContactFact[],
  weekIndex: (on: LocalDate) => number | null,
  minimum = RISING_MINIMUM,
): RisingSubject[] {
  const counts = new Map<string, number[]>();
  for (const c of contacts) {
    if (c.subject === null) continue;
    const w = weekIndex(c.occurredOn);
    if (w === null || w < 0 || w > 4) continue;
    const row = counts.get(c.subject) ?? [0, 0, 0, 0, 0];
    row[w] += 1;
    counts.set(c.subject, row);
  }
  const out: RisingSubject[] = [];
  for (const [subject, [thisWeek, w1, w2, w3, w4]] of counts) {
    const before = w1 + w2 + w3 + w4;
    if (thisWeek < minimum || thisWeek * 4 <= before) continue;
    const average = before / 4; // quarters: exact in binary
    out.push({ subject, thisWeek, previousWeeks: [w4, w3, w2, w1], average, change: change(thisWeek, average) });
  }
  return out.sort(
    (a, b) =>
      b.thisWeek - a.thisWeek ||
      b.thisWeek - b.average - (a.thisWeek - a.average) ||
      compareCodePoints(a.subject, b.subject),
  );
}

// ---- backlog campaigns (积案) ----

export interface CampaignProgress {
  readonly id: string;
  readonly name: string;
  readonly cases: number;
  readonly resolved: number;
  readonly rate: number | null;
  /** The target being worked toward: the first whose date is on or after the evaluation day, else the last. */
  readonly target: CampaignTarget | null;
  readonly targetPassed: boolean;
  /** Further resolutions needed to reach the target's rate. */
  readonly needed: number;
  readonly onTrack: boolean;
}

export function campaignProgress(campaign: CampaignFact, evaluatedOn: LocalDate): CampaignProgress {
  const cases = campaign.cases.filter((c) => compareDates(c.addedOn, evaluatedOn) <= 0);
  const resolved = cases.filter((c) => c.resolvedOn !== null && compareDates(c.resolvedOn, evaluatedOn) <= 0).length;
  const upcoming = campaign.targets.find((t) => compareDates(t.by, evaluatedOn) >= 0);
  const target = upcoming ?? campaign.targets[campaign.targets.length - 1] ?? null;
  // ceil(rate% × cases) in integers: rates have at most 2 decimals.
  const required = target === null ? 0 : Math.ceil((Math.round(target.rate * 100) * cases.length) / 10_000 - 1e-9);
  const needed = Math.max(0, required - resolved);
  return {
    id: campaign.id,
    name: campaign.name,
    cases: cases.length,
    resolved,
    rate: rate(resolved, cases.length),
    target,
    targetPassed: target !== null && upcoming === undefined,
    needed,
    onTrack: needed === 0,
  };
}

// ---- the last meeting's decisions ----

export type DecisionStatus = 'met' | 'late' | 'missed' | 'pending';

export interface DecisionFollowUp {
  readonly matterId: string;
  readonly decision: string;
  readonly unit: string;
  readonly dueBy: LocalDate;
  /**
   * Judged on the ledger's evidence: the first act of the named unit on the
   * matter after the meeting (a handling action, an acceptance decision, a
   * reply), or the matter's resolution by anyone.
   */
  readonly status: DecisionStatus;
  readonly evidence: { readonly type: string; readonly on: LocalDate } | null;
}

export const DECISION_EVIDENCE = [
  'HandlingActionRecorded',
  'AcceptanceDecided',
  'ReplyIssued',
  'MatterResolved',
] as const;

export function decisionFollowUps(
  meeting: MeetingFact,
  acts: readonly UnitAct[],
  evaluatedOn: LocalDate,
): DecisionFollowUp[] {
  return meeting.decisions.map((d) => {
    const first = acts
      .filter(
        (a) =>
          a.matterId === d.matterId &&
          (DECISION_EVIDENCE as readonly string[]).includes(a.type) &&
          (a.unit === null || a.unit === d.unit) &&
          compareInstants(a.occurredAt, meeting.occurredAt) > 0 &&
          compareDates(a.on, evaluatedOn) <= 0,
      )
      .sort((a, b) => compareInstants(a.occurredAt, b.occurredAt) || compareCodePoints(a.type, b.type))[0];
    let status: DecisionStatus;
    if (first) status = compareDates(first.on, d.dueBy) <= 0 ? 'met' : 'late';
    else status = compareDates(d.dueBy, evaluatedOn) < 0 ? 'missed' : 'pending';
    return { ...d, status, evidence: first ? { type: first.type, on: first.on } : null };
  });
}

// ---- the agenda ----

export interface AgendaContact {
  readonly matterId: string;
  readonly occurredOn: LocalDate;
  readonly channel: Channel;
  readonly level: Level;
  readonly headcount: number;
  readonly collective: boolean;
  readonly category: Category;
  readonly subject: string | null;
  readonly unit: string;
}

export interface UnitDeadlines {
  /** null: the bureau's own limits (transfer) and the review bodies'. */
  readonly unit: string | null;
  /** Duties whose last day falls in the week and that were not done before it began, oldest first. */
  readonly due: readonly MilestoneEvidence[];
  /** Duties that were already overdue when the week began and are still not done. */
  readonly overdue: readonly MilestoneEvidence[];
}

export interface OwnedMatter extends OwnedMatterFact {
  readonly overdue: boolean;
}

export interface JudgmentAgenda {
  readonly week: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly evaluatedOn: LocalDate;
  readonly contacts: {
    readonly batches: number;
    readonly persons: number;
    readonly repeat: number;
    readonly byChannel: Readonly<Record<string, number>>;
  };
  readonly newMatters: readonly AgendaContact[];
  readonly skipLevelVisits: readonly AgendaContact[];
  readonly collectiveVisits: readonly AgendaContact[];
  readonly deadlines: readonly UnitDeadlines[];
  readonly risingSubjects: readonly RisingSubject[];
  readonly campaigns: readonly CampaignProgress[];
  readonly ownedMatters: readonly OwnedMatter[];
  readonly lastMeeting:
    (Omit<MeetingFact, 'decisions' | 'occurredAt'> & { readonly decisions: readonly DecisionFollowUp[] }) | null;
}

export interface AgendaFacts {
  readonly week: Period;
  readonly evaluatedOn: LocalDate;
  /** Contacts of this week and of the 4 weeks before. */
  readonly contacts: readonly ContactFact[];
  /** Duties whose last day falls in the week. */
  readonly due: readonly MatterMilestone[];
  /** Duties with a last day before the week, not met when it began. */
  readonly open: readonly MatterMilestone[];
  readonly campaigns: readonly CampaignFact[];
  readonly owned: readonly OwnedMatterFact[];
  readonly lastMeeting: MeetingFact | null;
  /** Acts on the last meeting's matters. */
  readonly acts: readonly UnitAct[];
  /** A handler sees only the items of its units. */
  readonly units?: readonly string[];
}

function agendaContact(c: ContactFact): AgendaContact {
  return {
    matterId: c.matterId,
    occurredOn: c.occurredOn,
    channel: c.channel,
    level: c.level,
    headcount: c.headcount,
    collective: c.collective,
    category: c.category,
    subject: c.subject,
    unit: c.unit,
  };
}

const byDay = (a: AgendaContact, b: AgendaContact) =>
  compareDates(a.occurredOn, b.occurredOn) || compareCodePoints(a.matterId, b.matterId);
const oldestFirst = (a: MilestoneEvidence, b: MilestoneEvidence) =>
  compareDates(a.deadline, b.deadline) ||
  compareCodePoints(a.matterId, b.matterId) ||
  compareCodePoints(a.step, b.step);

export function judgmentAgenda(f: AgendaFacts): JudgmentAgenda {
  const { week, evaluatedOn: e } = f;
  const scoped = (unit: string | null) => f.units === undefined || (unit !== null && f.units.includes(unit));
  const inWeek = (on: LocalDate) => compareDates(week.from, on) <= 0 && compareDates(on, week.to) <= 0;
  const all = f.contacts.filter((c) => scoped(c.unit));
  const thisWeek = all
    .filter((c) => inWeek(c.occurredOn))
    .map(agendaContact)
    .sort(byDay);
  const weekIndex = (on: LocalDate): number | null => {
    if (compareDates(on, week.to) > 0) return null;
    const days = daysBetween(on, week.from);
    return days <= 0 ? 0 : Math.floor((days - 1) / 7) + 1;
  };
  const byChannel: Record<string, number> = {};
  for (const c of thisWeek) byChannel[c.channel] = (byChannel[c.channel] ?? 0) + 1;

  const groups = new Map<string | null, { due: MilestoneEvidence[]; overdue: MilestoneEvidence[] }>();
  const group = (unit: string | null) => {
    let g = groups.get(unit);
    if (!g) groups.set(unit, (g = { due: [], overdue: [] }));
    return g;
  };
  for (const m of f.due) {
    if (m.kind !== 'duty' || m.excused || !scoped(m.unit) || !inWeek(m.lastDay)) continue;
    // Done before the week began: nothing left to decide about it.
    if (m.met !== undefined && compareDates(m.met, week.from) < 0) continue;
    group(m.unit).due.push(milestoneEvidence(m, e));
  }
  for (const m of f.open) {
    if (m.kind !== 'duty' || m.excused || !scoped(m.unit) || compareDates(m.lastDay, week.from) >= 0) continue;
    const judged = milestoneEvidence(m, e);
    if (judged.outcome === 'overdue') group(m.unit).overdue.push(judged);
  }
  const deadlines = [...groups.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : compareCodePoints(a, b)))
    .map(([unit, g]) => ({ unit, due: g.due.sort(oldestFirst), overdue: g.overdue.sort(oldestFirst) }));

  const overdueMatters = new Set(
    deadlines.flatMap((d) => [...d.overdue, ...d.due.filter((m) => m.outcome === 'overdue')].map((m) => m.matterId)),
  );
  const ownedMatters = f.owned
    .filter(
      (o) =>
        scoped(o.unit) && compareDates(o.since, e) <= 0 && (o.resolvedOn === null || compareDates(o.resolvedOn, e) > 0),
    )
    .map((o) => ({ ...o, resolvedOn: null, overdue: overdueMatters.has(o.matterId) }))
    .sort((a, b) => compareDates(a.since, b.since) || compareCodePoints(a.matterId, b.matterId));

  const meeting = f.lastMeeting;
  return {
    week: week.id,
    from: week.from,
    to: week.to,
    evaluatedOn: e,
    contacts: {
      batches: thisWeek.length,
      persons: thisWeek.reduce((sum, c) => sum + c.headcount, 0),
      repeat: all.filter((c) => inWeek(c.occurredOn) && c.repeat).length,
      byChannel,
    },
    newMatters: all
      .filter((c) => inWeek(c.occurredOn) && !c.repeat)
      .map(agendaContact)
      .sort(byDay),
    skipLevelVisits: thisWeek.filter((c) => c.channel === 'visit' && c.level !== 'city'),
    collectiveVisits: thisWeek.filter((c) => c.channel === 'visit' && c.collective),
    deadlines,
    risingSubjects: risingSubjects(all, weekIndex),
    campaigns: f.campaigns.map((c) => campaignProgress(c, e)).sort((a, b) => compareCodePoints(a.id, b.id)),
    ownedMatters,
    lastMeeting: meeting
      ? {
          meetingId: meeting.meetingId,
          kind: meeting.kind,
          chair: meeting.chair,
          heldOn: meeting.heldOn,
          decisions: decisionFollowUps(
            { ...meeting, decisions: meeting.decisions.filter((d) => scoped(d.unit)) },
            f.acts,
            e,
          ),
        }
      : null,
  };
}
