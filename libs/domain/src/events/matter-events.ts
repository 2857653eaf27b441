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

/**
 * A petitioner as the ledger holds them: an id for the per-petitioner key and
 * an opaque ciphertext made outside the domain. The domain never looks inside
 * `sealed`, so erasing the key (crypto-shredding) cannot break any rule.
 */
export interface SealedPetitioner {
  readonly petitionerId: string;
  readonly sealed: unknown;
}

/** Stream `matter-<matterId>`; always followed by the first ContactRecorded, at the same instant. */
export interface MatterOpenedData {
  readonly matterId: string;
  readonly category: Category;
  /** Free tag for hot-spot grouping: the project, employer or place (e.g. 紫悦华府). */
  readonly subject: string | null;
  /** The unit the registrar names as responsible; the unit actually handling it is in MatterAssigned. */
  readonly responsibleUnit: string;
  readonly summary: string;
  readonly petitioners: readonly SealedPetitioner[];
}

/**
 * One batch (批次) of `headcount` persons. `repeat` and `collective` are
 * decided once, with the threshold in force at the time, so that read models
 * and republished figures never recompute them differently.
 */
export interface ContactRecordedData {
  readonly channel: Channel;
  readonly level: Level;
  readonly source: Source | null;
  readonly headcount: number;
  readonly collective: boolean;
  readonly repeat: boolean;
}

/** Version 1 predates skip-level counting: every contact was taken to be lodged in the city. */
export interface ContactRecordedDataV1 {
  readonly channel: Channel;
  readonly source: Source | null;
  readonly headcount: number;
  readonly collective: boolean;
  readonly repeat: boolean;
}

/** 转送 (`transfer`) or 交办 (`assign`, which also requires a result report). Starts the unit's acceptance clock. */
export interface MatterAssignedData {
  readonly unit: string;
  readonly mode: AssignmentMode;
}

/** 异议: the unit returns the matter as outside its remit; it goes back to the bureau and the unit is not charged. */
export interface RemitReturnedData {
  readonly unit: string;
  readonly reason: string;
}

export interface AcceptanceDecidedData {
  readonly unit: string;
  readonly accepted: boolean;
  /** Required when not accepted. */
  readonly reason: string | null;
}

export interface HandlingActionRecordedData {
  readonly unit: string;
  readonly kind: string;
  readonly note: string;
}

export interface DeadlineExtendedData {
  readonly unit: string;
  readonly days: number;
  readonly reason: string;
  readonly approvedBy: string;
}

/** The written reply that completes the matter (办结). */
export interface ReplyIssuedData {
  readonly unit: string;
  readonly outcome: ReplyOutcome;
  readonly note: string;
}

/** The answer an evaluation is about: the reply, or a review or re-review decision. */
export type EvaluatedAnswer = 'reply' | ReviewStage;

export interface SatisfactionEvaluatedData {
  readonly result: EvaluationResult;
  readonly of: EvaluatedAnswer;
}

export interface ReviewRequestedData {
  readonly stage: ReviewStage;
}

export interface ReviewDecidedData {
  readonly stage: ReviewStage;
  readonly outcome: string;
  readonly note: string;
}

/** 化解: the grievance is actually settled; independent of the formal reply. */
export interface MatterResolvedData {
  readonly note: string;
}

/** 包案: the leader owns the matter (replacing any earlier owner). */
export interface OwnerAssignedData {
  readonly leader: string;
}

/** Fixes a registration mistake; the original event stays in the ledger. */
export interface CorrectionRecordedData {
  readonly field: CorrectableField;
  readonly value: string | null;
  readonly previous: string | null;
  readonly reason: string;
}
