import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isRuleViolation } from '@app/domain';
import { petitionerExists } from '@app/projections';
import { Clock, CLOCK } from '@app/runtime';
import { erasePetitionerData, PersonalDataVault } from '@app/security';
import { notFound } from '../../http/problem';
import { PERSONAL_DATA_VAULT } from '../../matters/personal-data.module';
import { ReadModels } from '../../read-models/read-models.service';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { ErasePetitionerCommand } from './erase-petitioner.command';

/** The decider's refusal of a second erasure (409 already-erased): the one rule. */
const alreadyRecorded = (error: unknown) => isRuleViolation(error) && error.rule === 'already-erased';

@CommandHandler(ErasePetitionerCommand)
export class ErasePetitionerHandler implements ICommandHandler<ErasePetitionerCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly readModels: ReadModels,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Through the one erasure path of libs/security, which `ledger retention` takes too: the
   * erasure recorded first, then the key destroyed; a retry after a crash between the two
   * (refused as already erased) still destroys the key.
   */
  async execute({ ctx, petitionerId: id, reason }: ErasePetitionerCommand): Promise<WriteResult> {
    await this.readModels.ready();
    if (!petitionerExists(this.readModels.db, id) && !this.vault.exists(id)) throw notFound(`no petitioner ${id}`);
    const now = this.clock.now();
    return erasePetitionerData(
      this.vault,
      { petitionerId: id, reason, at: now },
      (write) =>
        this.writer.decideAndWrite(ctx, {
          ...write,
          // Not 'new': an erasure recorded before is the decider's refusal, the one rule.
          expect: 'any',
          noun: 'petitioner erasure',
          context: { now: now.toISOString() },
        }),
      alreadyRecorded,
    );
  }
}
