// Fixtures and the given/when/then helper, for specs and test/ only (a sub-entry point:
// `@app/domain/testing`; production code may not import it, see docs/architecture.md).
export * from './given-when-then';
export * from './matter-fixtures';
export * from './official-calendar';
// rhythm-fixtures' `at` is matter-fixtures' own.
export { factsOf, opened, settings } from './rhythm-fixtures';
export type { MatterFacts } from './rhythm-fixtures';
