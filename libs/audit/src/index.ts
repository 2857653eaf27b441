export {
  AuditError,
  CheckpointFormatError,
  InconsistentCheckpointError,
  InvalidHashError,
  MissingNodeError,
  NoteVerificationError,
  ProofVerificationError,
  SigningKeyError,
  TreeRangeError,
} from './errors';
export type { NoteFailure, ProofFailure } from './errors';
export { EMPTY_TREE_ROOT_HEX, HASH_SIZE, leafHash, nodeHash, toHex } from './merkle-hash';
export type { HashInput } from './merkle-hash';
export { MAX_TREE_SIZE } from './tree-math';
export { InMemoryNodeStore } from './node-store';
export type { NodeEntry, NodeStore } from './node-store';
export { MerkleTree } from './merkle-tree';
export { verifyConsistency, verifyInclusion } from './proof-verification';
export {
  formatVerifierKey,
  generateSigningKey,
  noteKeyId,
  parseVerifierKey,
  rawPublicKeyBase64,
  signerFromPrivateKey,
} from './note-keys';
export type { GeneratedSigningKey, NoteSigner, NoteVerifierKey } from './note-keys';
export { signNote, verifyNote } from './signed-note';
export { formatCheckpoint, parseCheckpoint, signCheckpoint, verifyCheckpointNote } from './checkpoint';
export type { Checkpoint, CheckpointInput } from './checkpoint';
export { assertConsistentBeforeSigning, decideCheckpoint, DEFAULT_CHECKPOINT_POLICY } from './checkpoint-policy';
export type { CheckpointDecision, CheckpointPolicy, CheckpointState, TreeHead } from './checkpoint-policy';
export { LogVerifier, verifyLog } from './log-verifier';
export type { LeafRecord, LogFault, LogVerificationReport, LogVerifierOptions, StoredCheckpoint } from './log-verifier';
export * from './audit-leaf';
export { AuditLogVerifier } from './audit-log-verifier';
export type { AuditFault, AuditLogVerifierOptions, AuditVerificationReport, StoredTree } from './audit-log-verifier';
export * from './audit-export';
export { verifyEventLines } from './verify-event-lines';
export type { VerifyEventLinesOptions } from './verify-event-lines';
