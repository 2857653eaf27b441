// Helpers and fixtures for read-model specs and test/ only (`@app/projections/testing`).
export { apply, modelDb, on, stored } from './projection-spec';
export { allRows, applyAll, envelopes, onStream, readModelDb, rowsOf } from '../read-models/spec-support';
export {
  SECTION_ONE_BEFORE,
  SECTION_ONE_NOW,
  SECTION_ONE_PERIOD,
  SECTION_ONE_PREVIOUS,
} from '../reports/section-one.fixture';
export { SEED_SECTION_TWO, SEED_SECTION_TWO_PHRASES, sectionTwoFacts } from '../reports/section-two.fixture';
export { halfMonth, sampleBulletin } from '../bulletin/bulletin-fixture';
