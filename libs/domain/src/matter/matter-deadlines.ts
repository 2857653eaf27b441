import { ClockSettings, isPast, lastDayAfterInstant } from '../clock/statutory-clock';
import { LimitKind, STATUTORY_LIMITS, StatutoryStep } from '../clock/statutory-limits';
import type { DomainEvent } from '../events/event-catalog';
import { compareDates, LocalDate } from '../time/local-date';
import { localDateOf } from '../time/time-zone';
import { foldMatter, MatterState } from './matter-state';

/** One statutory limit of a matter. Dates are in the business time zone. */
export interface Deadline {
  readonly step: StatutoryStep;
  readonly kind: LimitKind;
  /** The unit the limit binds; null for the bureau's transfer and for review bodies. */
  readonly unit: string | null;
  readonly from: LocalDate;
  readonly lastDay: LocalDate;
  /** The day the step was done, if it was. */
  readonly met?: LocalDate;
  /** Days added by an approved extension (reply only). */
  readonly extendedBy?: number;
  /** Years whose official calendar was unknown, so only weekends were treated as rest days. */
  readonly assumedYears?: readonly number[];
}

/**
 * A limit as history: every one a matter ever had, including those of an
 * assignment the unit returned as outside its remit (excused: the unit is
 * not charged for them).
 */
export interface Milestone extends Deadline {
  readonly excused: 'remit_returned' | null;
}

export type MilestoneOutcome = 'on_time' | 'late' | 'overdue' | 'pending' | 'lapsed' | 'excused';

interface Entry {
  readonly milestone: Milestone;
  /** Part of the matter's present course (not of a superseded assignment). */
  readonly current: boolean;
}

function entry(
  settings: ClockSettings,
  step: StatutoryStep,
  unit: string | null,
  fromAt: string,
  metAt: string | null,
  options: { current: boolean; excused?: Milestone['excused']; extensionDays?: number },
): Entry {
  const limit = STATUTORY_LIMITS[step];
  const extensionDays = options.extensionDays ?? 0;
  const { lastDay, assumedYears } = lastDayAfterInstant(limit, fromAt, settings, extensionDays);
  return {
    current: options.current,
    milestone: {
      step,
      kind: limit.kind,
      unit,
      from: localDateOf(fromAt, settings.timeZone),
      lastDay,
      ...(metAt ? { met: localDateOf(metAt, settings.timeZone) } : {}),
      ...(extensionDays ? { extendedBy: extensionDays } : {}),
      ...(assumedYears.length ? { assumedYears } : {}),
      excused: options.excused ?? null,
    },
  };
}

function entries(state: MatterState, settings: ClockSettings): Entry[] {
  const out: Entry[] = [];
  const lastTransfer = state.transfers.length - 1;
  state.transfers.forEach((cycle, i) => {
    out.push(entry(settings, 'transfer', null, cycle.from, cycle.assignedAt, { current: i === lastTransfer }));
    // Each assignment closes one transfer cycle; a remit return opens the next.
    const a = state.assignments[i];
    if (!a) return;
    const live = a.returnedAt === null;
    const excused = live ? null : 'remit_returned';
    out.push(entry(settings, 'acceptance', a.unit, a.assignedAt, a.decidedAt, { current: live, excused }));
    out.push(
      entry(settings, 'remit_return', a.unit, a.assignedAt, a.returnedAt, { current: live && a.decidedAt === null }),
    );
  });
  const { reply, review, reReview } = state;
  if (reply) {
    out.push(
      entry(settings, 'reply', reply.unit, reply.acceptedAt, reply.repliedAt, {
        current: true,
        extensionDays: reply.extension?.days,
      }),
    );
    if (reply.repliedAt) {
      out.push(
        entry(settings, 'review_request', null, reply.repliedAt, review?.requestedAt ?? null, { current: true }),
      );
    }
  }
  if (review) {
    out.push(entry(settings, 'review_decision', null, review.requestedAt, review.decidedAt, { current: true }));
    if (review.decidedAt) {
      out.push(
        entry(settings, 're_review_request', null, review.decidedAt, reReview?.requestedAt ?? null, { current: true }),
      );
    }
  }
  if (reReview) {
    out.push(entry(settings, 're_review_decision', null, reReview.requestedAt, reReview.decidedAt, { current: true }));
  }
  return out;
}

const withoutExcuse = ({ excused: _excused, ...deadline }: Milestone): Deadline => deadline;

/** The limits of the matter's present course, done or running. Running ones have no `met`. */
export function deadlines(state: MatterState, settings: ClockSettings): Deadline[] {
  return entries(state, settings)
    .filter((e) => e.current)
    .map((e) => withoutExcuse(e.milestone));
}

/** Duties not done whose last day is before `asOf`; windows (a petitioner's or a unit's option) are never overdue. */
export function overdueSteps(state: MatterState, asOf: LocalDate, settings: ClockSettings): Deadline[] {
  return deadlines(state, settings).filter((d) => d.kind === 'duty' && d.met === undefined && isPast(d.lastDay, asOf));
}

/** Every limit the matter has had, for on-time and timely-acceptance indicators per unit. */
export function matterMilestones(events: readonly DomainEvent[], settings: ClockSettings): Milestone[] {
  const state = foldMatter(events);
  return state ? milestonesOf(state, settings) : [];
}

export function milestonesOf(state: MatterState, settings: ClockSettings): Milestone[] {
  return entries(state, settings).map((e) => e.milestone);
}

/** `milestonesOf` and `deadlines` at once, from one reckoning of the statutory clock (its costly part). */
export function courseOf(
  state: MatterState,
  settings: ClockSettings,
): { milestones: Milestone[]; deadlines: Deadline[] } {
  const all = entries(state, settings);
  return {
    milestones: all.map((e) => e.milestone),
    deadlines: all.filter((e) => e.current).map((e) => withoutExcuse(e.milestone)),
  };
}

/**
 * How a limit stands on `asOf`. A duty met on its last day is on time; one
 * not met after it is overdue. A window that passed unused has lapsed.
 */
export function milestoneOutcome(milestone: Milestone, asOf: LocalDate): MilestoneOutcome {
  if (milestone.excused) return 'excused';
  if (milestone.met !== undefined && compareDates(milestone.met, asOf) <= 0) {
    return compareDates(milestone.met, milestone.lastDay) <= 0 ? 'on_time' : 'late';
  }
  if (!isPast(milestone.lastDay, asOf)) return 'pending';
  return milestone.kind === 'duty' ? 'overdue' : 'lapsed';
}
