import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { petitionerErasureDecider, streams } from '@app/domain';
import { petitionerExists } from '@app/projections';
import { Clock, CLOCK } from '@app/runtime';
import { PersonalDataVault } from '@app/security';
import { notFound } from '../../http/problem';
import { PERSONAL_DATA_VAULT } from '../../matters/personal-data.module';
import { ReadModels } from '../../read-models/read-models.service';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { ErasePetitionerCommand } from './erase-petitioner.command';

@CommandHandler(ErasePetitionerCommand)
export class ErasePetitionerHandler implements ICommandHandler<ErasePetitionerCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly readModels: ReadModels,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records the erasure, then destroys the key. In that order, so a crash in between
   * leaves a recorded erasure that a retry completes (the key is destroyed again,
   * idempotently) rather than a key gone without a record.
   */
  async execute({ ctx, petitionerId: id, reason }: ErasePetitionerCommand): Promise<WriteResult> {
    await this.readModels.ready();
    if (!petitionerExists(this.readModels.db, id) && !this.vault.exists(id)) throw notFound(`no petitioner ${id}`);
    const result = await this.writer.decideAndWrite(ctx, {
      stream: streams.petitioner(id),
      // Not 'new': an erasure recorded before is the decider's refusal (409 already-erased), the one rule.
      expect: 'any',
      noun: 'petitioner erasure',
      decider: petitionerErasureDecider,
      command: { type: 'ErasePetitioner', petitionerId: id, reason },
      context: { now: this.clock.now().toISOString() },
      check: (state) => {
        // A retry after a crash between the record and the key's destruction completes it.
        if (state.registered) this.vault.erase(id, this.clock.now());
      },
    });
    this.vault.erase(id, this.clock.now());
    return result;
  }
}
