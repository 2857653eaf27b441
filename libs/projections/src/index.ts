export * from './projection';
export * from './projection-runner';
export * from './read-model-db';
export * from './read-models/units.projection';
export * from './read-models/principals.projection';
export * from './read-models/matters.projection';
export * from './read-models/timeline.projection';
