/**
 * Every failure this library reports is one of these classes, so the HTTP
 * layer can map each rule to one RFC 9457 problem type and the CLI can print
 * a stable `code` instead of parsing messages.
 */
export abstract class AuditError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A hash handed to the library is not lowercase/uppercase hex or not 32 bytes. */
export class InvalidHashError extends AuditError {
  readonly code = 'INVALID_HASH';
}

/**
 * A tree size, leaf index or proof range the tree cannot answer: not a safe
 * integer, index >= size, size beyond the current tree, from > to.
 * These are client mistakes (HTTP 400), not evidence of tampering.
 */
export class TreeRangeError extends AuditError {
  readonly code = 'TREE_RANGE';
}

/**
 * The node store lacks a hash the tree needs: the store was truncated or
 * written by something else. Never a client mistake.
 */
export class MissingNodeError extends AuditError {
  readonly code = 'NODE_MISSING';

  constructor(
    readonly level: number,
    readonly index: number,
  ) {
    super(`node store has no hash at level ${level}, index ${index}`);
  }
}

export type ProofFailure =
  | 'INVALID_NUMBER'
  | 'INDEX_OUT_OF_RANGE'
  | 'SIZE_DECREASED'
  | 'FROM_EMPTY_TREE'
  | 'WRONG_PROOF_LENGTH'
  | 'MALFORMED_HASH'
  | 'ROOT_MISMATCH';

/** An inclusion or consistency proof does not verify; `reason` names the failed check. */
export class ProofVerificationError extends AuditError {
  readonly code = 'PROOF_INVALID';

  constructor(
    readonly reason: ProofFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Checkpoint text that does not follow c2sp.org/tlog-checkpoint. */
export class CheckpointFormatError extends AuditError {
  readonly code = 'CHECKPOINT_MALFORMED';
}

/** A signing or verifier key string that cannot be used. */
export class SigningKeyError extends AuditError {
  readonly code = 'SIGNING_KEY_INVALID';
}

export type NoteFailure = 'MALFORMED' | 'BAD_SIGNATURE' | 'NO_TRUSTED_SIGNATURE';

/** A signed note that is malformed or not signed by the trusted key. */
export class NoteVerificationError extends AuditError {
  readonly code = 'NOTE_INVALID';

  constructor(
    readonly reason: NoteFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Signing this checkpoint would contradict one already signed (c2sp.org/tlog-checkpoint:
 * a log MUST NOT sign a checkpoint inconsistent with any it signed before).
 */
export class InconsistentCheckpointError extends AuditError {
  readonly code = 'CHECKPOINT_INCONSISTENT';
}

/**
 * A checkpoint published in the log by another instance is not this tree's (a wrong key,
 * a root this tree does not have, a position that is not its last leaf's): not stored.
 */
export class CheckpointRefusedError extends AuditError {
  readonly code = 'CHECKPOINT_REFUSED';
}
