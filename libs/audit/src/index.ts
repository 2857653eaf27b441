export {
  AuditError,
  CheckpointFormatError,
  CheckpointRefusedError,
  InconsistentCheckpointError,
  InvalidHashError,
  MissingNodeError,
  NoteVerificationError,
  ProofVerificationError,
  SigningKeyError,
  TreeRangeError,
} from './errors';
export type { NoteFailure, ProofFailure } from './errors';
export { EMPTY_TREE_ROOT_HEX, HASH_SIZE, leafHash, leafHashOfText, nodeHash, sha256, toHex } from './merkle-hash';
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
export { auditLeafBytes, auditLeafHash, auditLeafHashBytes, auditLeafText } from './audit-leaf';
export { AuditLogVerifier } from './audit-log-verifier';
export type { AuditFault, AuditLogVerifierOptions, AuditVerificationReport, StoredTree } from './audit-log-verifier';
export {
  AuditLineError,
  EXPORT_FORMAT,
  formatLine,
  leafHashOfLine,
  parseAuditEventLine,
  parseExportLine,
  toAuditEventLine,
} from './audit-export';
export type { AuditEventLine, ExportCheckpoint, ExportHeader } from './audit-export';
export { verifyEventLines } from './verify-event-lines';
export type { VerifyEventLinesOptions } from './verify-event-lines';
export { defaultOrigin, loadSigningKey, parseSigningKey, parseTrustedKey } from './signing-key';
export type { LoadedSigningKey, TrustedKey } from './signing-key';
export {
  checkpointKeyOf,
  completeTrustedKey,
  describeTrustedKey,
  NO_TRUSTED_KEY,
  signatureCheck,
  trustedKeyForAuditStore,
} from './trusted-key';
export type { TrustedKeyChoice } from './trusted-key';
// The audit store on SQLite (better-sqlite3): the part of this library that does I/O.
export {
  AUDIT_SCHEMA_VERSION,
  AuditStoreMissingError,
  openAuditDb,
  POSITION_STRIDE,
  resetAuditTree,
} from './sqlite/audit-db';
export type { OpenAuditDbOptions } from './sqlite/audit-db';
export { AuditStore, META_ORIGIN, META_VERIFIER_KEY } from './sqlite/audit-store';
export type { CheckpointRecord, CutResult, SigningIdentity } from './sqlite/audit-store';
export { auditTreeProjection, checkpointIdentity, publishedCheckpointsFor } from './sqlite/audit-tree.projection';
export type { PublishedCheckpoints } from './sqlite/audit-tree.projection';
export { SqliteNodeStore } from './sqlite/sqlite-node-store';
export { verifyStoredLog } from './sqlite/verify-stored-log';
export type { EventReader, VerifyStoredLogOptions } from './sqlite/verify-stored-log';
export { CompactRange } from './compact-range';
