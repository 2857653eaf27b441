import type { Category, Channel, EvaluationResult, Level, MeetingKind, UnitKind } from '../code-lists';
import type { CampaignTarget, MeetingDecision } from '../events/activity-events';
import type { EvaluatedAnswer } from '../events/matter-events';
import type { Milestone } from '../matter/matter-deadlines';
import type { DateRange } from '../periods/periods';
import { LocalDate, minDate } from '../time/local-date';

/**
 * The facts the bureau's rhythm (agenda, bulletin, ranking, dossier) is computed
 * from, as plain values. The read models select them "as known at" a ledger
 * position; everything here is pure, so the same facts always give the same bytes.
 */

export interface UnitInfo {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
}

/** One contact (批次), with its matter's attributes as known at the report's position. */
export interface ContactFact {
  readonly matterId: string;
  readonly occurredOn: LocalDate;
  readonly channel: Channel;
  readonly level: Level;
  readonly headcount: number;
  readonly collective: boolean;
  readonly repeat: boolean;
  /**
   * The matter's responsible unit (属地/主管): contacts, persons, skip-level
   * visits and the repeat rate are counted for it, whoever handles the matter.
   */
  readonly unit: string;
  readonly subject: string | null;
  readonly category: Category;
}

/** A statutory limit of a matter, as the domain's `milestonesOf` gives it. */
export interface MatterMilestone extends Milestone {
  readonly matterId: string;
}

export interface ResolutionFact {
  readonly matterId: string;
  readonly resolvedOn: LocalDate;
}

export interface EvaluationFact {
  readonly matterId: string;
  readonly on: LocalDate;
  readonly of: EvaluatedAnswer;
  readonly result: EvaluationResult;
  /** The unit whose reply was evaluated; null for evaluations of review decisions. */
  readonly unit: string | null;
}

/** Something a unit did on a matter (evidence that a meeting's decision was carried out). */
export interface UnitAct {
  readonly matterId: string;
  readonly type: string;
  /** null for acts not tied to one unit (a resolution). */
  readonly unit: string | null;
  readonly occurredAt: string;
  readonly on: LocalDate;
}

export interface CampaignFact {
  readonly id: string;
  readonly name: string;
  readonly targets: readonly CampaignTarget[];
  readonly cases: readonly {
    readonly matterId: string;
    readonly addedOn: LocalDate;
    readonly resolvedOn: LocalDate | null;
  }[];
}

export interface MeetingFact {
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly chair: string;
  readonly occurredAt: string;
  readonly heldOn: LocalDate;
  readonly decisions: readonly MeetingDecision[];
}

export interface OwnedMatterFact {
  readonly matterId: string;
  readonly leader: string;
  readonly since: LocalDate;
  readonly unit: string | null;
  readonly subject: string | null;
  readonly resolvedOn: LocalDate | null;
}

/**
 * The day a period is judged on: its last day once it is over, else today.
 * A finished period therefore never depends on the wall clock, and two
 * computations from the same ledger position give the same bytes.
 */
export function evaluationDay(period: DateRange, today: LocalDate): LocalDate {
  return minDate(period.to, today);
}
