export * from './roles';
export * from './unit-scope';
export * from './tokens';
export * from './masking';
export * from './personal-data-vault';
export * from './webhook-signing';
export { newPetitionerId, sealPetitioners } from './seal-petitioners';
export type { PetitionerInput } from './seal-petitioners';
export * from './secret-box';
