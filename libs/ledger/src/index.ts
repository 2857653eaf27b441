export { canonicalBytes, canonicalJson, CanonicalJsonError } from './canonical-json';
export { START } from './event-envelope';
export type { Actor, EventEnvelope, NewEvent, Position } from './event-envelope';
export { EVENT_STORE } from './event-store.port';
export type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  IdempotencyRecord,
  LedgerHead,
  SubscribeOptions,
} from './event-store.port';
export type { ApplyContext, Projection } from './projection';
export {
  AppendTooLargeError,
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from './errors';
export { newEventId } from './event-id';
export { SqliteEventStore, SqliteEventStoreOptions, fingerprintOf } from './sqlite/sqlite-event-store';
export { copyLedger, CopyRefusedError } from './migration/copy-ledger';
export type { CopyOptions, CopyProgress, CopyReport, CopySource, CopyTarget } from './migration/copy-ledger';
