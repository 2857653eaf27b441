import { pooledRandomBytes } from '@app/runtime';
import type { SealedPetitioner } from '@app/domain';
import { PersonalDataVault } from './personal-data-vault';

/** A petitioner's personal data as a registrar gives it. */
export interface PetitionerInput {
  name?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

/** e.g. pet-Xk3J9vQ2mLp4: 72 random bits, the id of the petitioner's own key. */
export function newPetitionerId(): string {
  return `pet-${pooledRandomBytes(9).toString('base64url')}`;
}

/**
 * Seals each petitioner's personal data under their own key before it enters the
 * MatterOpened event; the event's id is the associated data, so the ciphertext cannot
 * be moved to another event unnoticed. The one way personal data enters the ledger:
 * the API and `ledger demo` both come through here.
 */
export function sealPetitioners(
  vault: PersonalDataVault,
  openedEventId: string,
  petitioners: readonly PetitionerInput[],
  petitionerId: () => string = newPetitionerId,
): SealedPetitioner[] {
  const drawn = petitionerId === newPetitionerId;
  return petitioners.map((p) => {
    const id = petitionerId();
    const data = {
      name: p.name ?? null,
      idNumber: p.idNumber ?? null,
      phone: p.phone ?? null,
      address: p.address ?? null,
    };
    return { petitionerId: id, sealed: vault.seal(id, openedEventId, data, drawn) };
  });
}
