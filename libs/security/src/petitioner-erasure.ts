import { ErasePetitioner, petitionerErasureDecider, streams, StreamName } from '@app/domain';
import type { PersonalDataVault } from './personal-data-vault';

/** What the write path is handed: the petitioner's stream, the erasure decider and its command. */
export interface ErasureWrite {
  readonly stream: StreamName;
  readonly decider: typeof petitionerErasureDecider;
  readonly command: ErasePetitioner;
}

/**
 * The one erasure path, used by `POST /petitioners/{id}/erasure` and by `ledger retention`:
 * record PetitionerErased through the erasure decider (`record` is the caller's write path:
 * the API's LedgerWriter, or the CLI's append on the log), then destroy the petitioner's key
 * (crypto-shredding). In that order, so a crash in between leaves a recorded erasure that a
 * retry completes (destroying the key again is idempotent) rather than a key gone without a
 * record. When `record` finds the erasure recorded already (`alreadyRecorded`), the key is
 * destroyed too before the refusal goes on.
 */
export async function erasePetitionerData<R>(
  vault: Pick<PersonalDataVault, 'erase'>,
  request: { readonly petitionerId: string; readonly reason: string; readonly at: Date },
  record: (write: ErasureWrite) => Promise<R>,
  alreadyRecorded: (error: unknown) => boolean,
): Promise<R> {
  const { petitionerId, reason, at } = request;
  const write: ErasureWrite = {
    stream: streams.petitioner(petitionerId),
    decider: petitionerErasureDecider,
    command: { type: 'ErasePetitioner', petitionerId, reason },
  };
  try {
    const result = await record(write);
    vault.erase(petitionerId, at);
    return result;
  } catch (error) {
    if (alreadyRecorded(error)) vault.erase(petitionerId, at);
    throw error;
  }
}
