import type {
  AssignmentMode,
  Category,
  Channel,
  CorrectableField,
  EvaluationResult,
  Level,
  ReplyOutcome,
  ReviewStage,
  Source,
} from '../code-lists';
import type { SealedPetitioner } from '../events/matter-events';

/**
 * Commands mirror the matter endpoints of API.md. `occurredAt` is optional
 * everywhere: absent means "now" (ctx.now); present, it may be back-dated but
 * never in the future, and must carry an offset.
 */
interface Timed {
  readonly occurredAt?: string;
}

export interface ContactInput extends Timed {
  readonly channel: Channel;
  /** Default `city`. */
  readonly level?: Level;
  /** Required for `online`, refused otherwise. */
  readonly source?: Source | null;
  /** Persons in the batch; default 1. */
  readonly headcount?: number;
}

export interface OpenMatter {
  readonly type: 'OpenMatter';
  readonly matterId: string;
  readonly category: Category;
  readonly subject?: string | null;
  readonly responsibleUnit: string;
  readonly summary: string;
  /** Sealed outside the domain (per-petitioner keys); may be empty for an anonymous matter. */
  readonly petitioners: readonly SealedPetitioner[];
  readonly contact: ContactInput;
}

export interface RecordContact {
  readonly type: 'RecordContact';
  readonly contact: ContactInput;
}

export interface AssignMatter extends Timed {
  readonly type: 'AssignMatter';
  readonly unit: string;
  readonly mode: AssignmentMode;
}

export interface DecideAcceptance extends Timed {
  readonly type: 'DecideAcceptance';
  readonly accepted: boolean;
  /** Required when not accepted. */
  readonly reason?: string | null;
}

export interface ReturnOutsideRemit extends Timed {
  readonly type: 'ReturnOutsideRemit';
  readonly reason: string;
}

export interface RecordHandlingAction extends Timed {
  readonly type: 'RecordHandlingAction';
  readonly kind: string;
  readonly note: string;
}

export interface ExtendDeadline extends Timed {
  readonly type: 'ExtendDeadline';
  readonly days: number;
  readonly reason: string;
  readonly approvedBy: string;
}

export interface IssueReply extends Timed {
  readonly type: 'IssueReply';
  readonly outcome: ReplyOutcome;
  readonly note: string;
}

export interface EvaluateSatisfaction extends Timed {
  readonly type: 'EvaluateSatisfaction';
  readonly result: EvaluationResult;
}

export interface RequestReview extends Timed {
  readonly type: 'RequestReview';
  readonly stage: ReviewStage;
}

export interface DecideReview extends Timed {
  readonly type: 'DecideReview';
  readonly stage: ReviewStage;
  readonly outcome: string;
  readonly note: string;
}

export interface ResolveMatter extends Timed {
  readonly type: 'ResolveMatter';
  readonly note: string;
}

export interface AssignOwner extends Timed {
  readonly type: 'AssignOwner';
  readonly leader: string;
}

/** Corrections are dated when they are made (ctx.now): they are facts about the record, not the world. */
export interface CorrectMatter {
  readonly type: 'CorrectMatter';
  readonly field: CorrectableField;
  /** `null` only clears `subject`. */
  readonly value: string | null;
  readonly reason: string;
}

export type MatterCommand =
  | OpenMatter
  | RecordContact
  | AssignMatter
  | DecideAcceptance
  | ReturnOutsideRemit
  | RecordHandlingAction
  | ExtendDeadline
  | IssueReply
  | EvaluateSatisfaction
  | RequestReview
  | DecideReview
  | ResolveMatter
  | AssignOwner
  | CorrectMatter;

export type MatterCommandType = MatterCommand['type'];
