// The audit store on SQLite (better-sqlite3): the one part of @app/audit that does I/O.
export { AUDIT_SCHEMA_VERSION, AuditStoreMissingError, openAuditDb, POSITION_STRIDE, resetAuditTree } from './audit-db';
export type { OpenAuditDbOptions } from './audit-db';
export { AuditStore, META_ORIGIN, META_VERIFIER_KEY } from './audit-store';
export type { CheckpointRecord, CutResult, SigningIdentity } from './audit-store';
export { auditTreeProjection } from './audit-tree.projection';
export { SqliteNodeStore } from './sqlite-node-store';
export { verifyStoredLog } from './verify-stored-log';
export type { EventReader, VerifyStoredLogOptions } from './verify-stored-log';
