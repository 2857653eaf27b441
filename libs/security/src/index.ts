export { isRole, ROLES } from './roles';
export type { Principal, Role } from './roles';
export { actsForUnit, unitScope } from './unit-scope';
export { hashToken, newToken, sameHash } from './tokens';
export { maskIdNumber, maskName, maskPhone } from './masking';
export { PersonalDataVault, PetitionerKeyErasedError } from './personal-data-vault';
export type { SealedPersonalData } from './personal-data-vault';
export {
  DELIVERY_HEADER,
  dingTalkSignedUrl,
  SIGNATURE_HEADER,
  signJsonBody,
  TIMESTAMP_HEADER,
} from './webhook-signing';
export { newPetitionerId, sealPetitioners } from './seal-petitioners';
export type { PetitionerInput } from './seal-petitioners';
export { SecretBox } from './secret-box';
export type { SealedSecret } from './secret-box';
export { PrincipalUsage } from './principal-usage';
export { erasePetitionerData } from './petitioner-erasure';
export type { ErasureWrite } from './petitioner-erasure';
