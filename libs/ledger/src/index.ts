export * from './canonical-json';
export * from './event-envelope';
export * from './event-store.port';
export type { ApplyContext, Projection } from './projection';
export * from './errors';
export { newEventId } from './event-id';
export { SqliteEventStore, SqliteEventStoreOptions, fingerprintOf } from './sqlite/sqlite-event-store';
export { copyLedger, CopyRefusedError } from './migration/copy-ledger';
export type { CopyOptions, CopyProgress, CopyReport, CopySource, CopyTarget } from './migration/copy-ledger';
