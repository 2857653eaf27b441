export * from './roles';
export * from './tokens';
export * from './masking';
export * from './personal-data-vault';
export * from './webhook-signing';
