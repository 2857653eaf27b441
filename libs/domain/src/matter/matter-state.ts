import type { AssignmentMode, Category, Channel, EvaluationResult, Level, ReplyOutcome, Source } from '../code-lists';
import type { DomainEvent } from '../events/event-catalog';
import type { EvaluatedAnswer } from '../events/matter-events';

export type MatterStatus =
  | 'registered' // opened, not yet with a unit
  | 'assigned' // with a unit, acceptance pending
  | 'returned' // returned as outside the unit's remit; back with the bureau
  | 'not_accepted'
  | 'accepted' // reply pending
  | 'replied'
  | 'under_review'
  | 'reviewed'
  | 'under_re_review'
  | 'final'; // re-review decided: the same facts are not accepted again

export interface ContactSummary {
  readonly occurredAt: string;
  readonly channel: Channel;
  readonly level: Level;
  readonly source: Source | null;
  readonly headcount: number;
  readonly collective: boolean;
  readonly repeat: boolean;
}

/** A period in which the bureau must transfer the matter: from receipt, or from a remit return. */
export interface TransferCycle {
  readonly from: string;
  readonly assignedAt: string | null;
}

export interface Assignment {
  readonly unit: string;
  readonly mode: AssignmentMode;
  readonly assignedAt: string;
  readonly returnedAt: string | null;
  readonly decidedAt: string | null;
  readonly accepted: boolean | null;
}

export interface ReplyTrack {
  readonly unit: string;
  readonly acceptedAt: string;
  readonly extension: { readonly days: number; readonly at: string } | null;
  readonly repliedAt: string | null;
  readonly outcome: ReplyOutcome | null;
}

export interface ReviewTrack {
  readonly requestedAt: string;
  readonly decidedAt: string | null;
  readonly outcome: string | null;
}

export interface Evaluation {
  readonly of: EvaluatedAnswer;
  readonly result: EvaluationResult;
  readonly at: string;
}

export interface MatterState {
  readonly matterId: string;
  readonly status: MatterStatus;
  readonly category: Category;
  readonly subject: string | null;
  readonly responsibleUnit: string;
  readonly summary: string;
  readonly petitionerIds: readonly string[];
  /** Receipt: the first contact. */
  readonly openedAt: string;
  readonly contacts: readonly ContactSummary[];
  /** The unit holding the matter now; null before assignment and after a remit return. */
  readonly assignedUnit: string | null;
  readonly owner: string | null;
  readonly ownerSince: string | null;
  readonly resolved: boolean;
  readonly resolvedAt: string | null;
  readonly transfers: readonly TransferCycle[];
  readonly assignments: readonly Assignment[];
  readonly reply: ReplyTrack | null;
  readonly review: ReviewTrack | null;
  readonly reReview: ReviewTrack | null;
  readonly evaluations: readonly Evaluation[];
}

/** A matter that has not been opened. */
export type MatterStateOrNone = MatterState | null;
export const initialMatterState: MatterStateOrNone = null;

const replaceLast = <T>(list: readonly T[], update: (item: T) => T): T[] =>
  list.length === 0 ? [...list] : [...list.slice(0, -1), update(list[list.length - 1])];

export function currentAssignment(state: MatterState): Assignment | null {
  const last = state.assignments[state.assignments.length - 1];
  return last && last.returnedAt === null ? last : null;
}

export function evolveMatter(state: MatterStateOrNone, event: DomainEvent): MatterStateOrNone {
  if (state === null) {
    if (event.type !== 'MatterOpened') {
      throw new Error(`a matter stream must start with MatterOpened, not ${event.type}`);
    }
    const d = event.data;
    return {
      matterId: d.matterId,
      status: 'registered',
      category: d.category,
      subject: d.subject,
      responsibleUnit: d.responsibleUnit,
      summary: d.summary,
      petitionerIds: d.petitioners.map((p) => p.petitionerId),
      openedAt: event.occurredAt,
      contacts: [],
      assignedUnit: null,
      owner: null,
      ownerSince: null,
      resolved: false,
      resolvedAt: null,
      transfers: [{ from: event.occurredAt, assignedAt: null }],
      assignments: [],
      reply: null,
      review: null,
      reReview: null,
      evaluations: [],
    };
  }
  const at = event.occurredAt;
  switch (event.type) {
    case 'ContactRecorded':
      return { ...state, contacts: [...state.contacts, { occurredAt: at, ...event.data }] };
    case 'MatterAssigned':
      return {
        ...state,
        status: 'assigned',
        assignedUnit: event.data.unit,
        transfers: replaceLast(state.transfers, (t) => ({ ...t, assignedAt: t.assignedAt ?? at })),
        assignments: [
          ...state.assignments,
          {
            unit: event.data.unit,
            mode: event.data.mode,
            assignedAt: at,
            returnedAt: null,
            decidedAt: null,
            accepted: null,
          },
        ],
      };
    case 'RemitReturned':
      return {
        ...state,
        status: 'returned',
        assignedUnit: null,
        transfers: [...state.transfers, { from: at, assignedAt: null }],
        assignments: replaceLast(state.assignments, (a) => ({ ...a, returnedAt: at })),
      };
    case 'AcceptanceDecided': {
      const { accepted, unit } = event.data;
      return {
        ...state,
        status: accepted ? 'accepted' : 'not_accepted',
        assignments: replaceLast(state.assignments, (a) => ({ ...a, decidedAt: at, accepted })),
        reply: accepted ? { unit, acceptedAt: at, extension: null, repliedAt: null, outcome: null } : state.reply,
      };
    }
    case 'DeadlineExtended':
      return state.reply ? { ...state, reply: { ...state.reply, extension: { days: event.data.days, at } } } : state;
    case 'ReplyIssued':
      return state.reply
        ? { ...state, status: 'replied', reply: { ...state.reply, repliedAt: at, outcome: event.data.outcome } }
        : state;
    case 'SatisfactionEvaluated':
      return { ...state, evaluations: [...state.evaluations, { of: event.data.of, result: event.data.result, at }] };
    case 'ReviewRequested': {
      const track: ReviewTrack = { requestedAt: at, decidedAt: null, outcome: null };
      return event.data.stage === 'review'
        ? { ...state, status: 'under_review', review: track }
        : { ...state, status: 'under_re_review', reReview: track };
    }
    case 'ReviewDecided': {
      const decide = (track: ReviewTrack | null): ReviewTrack | null =>
        track && { ...track, decidedAt: at, outcome: event.data.outcome };
      return event.data.stage === 'review'
        ? { ...state, status: 'reviewed', review: decide(state.review) }
        : { ...state, status: 'final', reReview: decide(state.reReview) };
    }
    case 'MatterResolved':
      return { ...state, resolved: true, resolvedAt: at };
    case 'OwnerAssigned':
      return { ...state, owner: event.data.leader, ownerSince: at };
    case 'CorrectionRecorded': {
      const { field, value } = event.data;
      // The decider only records values valid for their field.
      return { ...state, [field]: value } as MatterState;
    }
    default:
      // HandlingActionRecorded and events of other streams do not change what the rules look at.
      return state;
  }
}

export function foldMatter(events: readonly DomainEvent[]): MatterStateOrNone {
  return events.reduce<MatterStateOrNone>(evolveMatter, initialMatterState);
}
