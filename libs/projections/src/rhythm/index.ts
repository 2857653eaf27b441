export * from './rhythm.projection';
export * from './rhythm-queries';
export * from './rhythm-reports';
