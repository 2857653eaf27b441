// The EventStoreDB/KurrentDB adapter: the only place that imports @eventstore/db-client.
// Imported by path (@app/ledger/eventstoredb) so that the embedded default never loads gRPC.
export { EsdbEventStore, EsdbEventStoreOptions, DEFAULT_MAX_APPEND_SIZE, parseStoreUrl } from './esdb-event-store';
