// The event-store contract suite every adapter passes, for specs and test/ only (`@app/ledger/testing`).
export { describeEventStoreContract, newEvent } from './event-store.contract';
export type { ContractHarness } from './event-store.contract';
