import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { OpenMatter } from '@app/domain';
import { newEventId } from '@app/ledger';
import { Clock, CLOCK, pooledRandomBytes } from '@app/runtime';
import { PersonalDataVault, sealPetitioners } from '@app/security';
import { UnitDirectory } from '../../units/unit-directory';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { MatterStream } from '../matter-stream';
import { PERSONAL_DATA_VAULT } from '../personal-data.module';
import { OpenMatterCommand } from './open-matter.command';

@CommandHandler(OpenMatterCommand)
export class OpenMatterHandler implements ICommandHandler<OpenMatterCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
    private readonly units: UnitDirectory,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Petitioners' personal data is sealed with their own keys before it enters the event,
   * bound to the MatterOpened event's id; only once the write goes ahead, so a replay or a
   * refused request leaves no key behind.
   */
  async execute({ ctx, body }: OpenMatterCommand): Promise<WriteResult> {
    const matterId = body.id ?? this.generateMatterId();
    await this.units.require(body.responsibleUnit, 'responsibleUnit');
    const openedEventId = newEventId();
    return this.writer.decideAndWrite(ctx, {
      ...this.matters.target(matterId, 'new'),
      prepare: async (): Promise<OpenMatter> => {
        const petitioners = sealPetitioners(this.vault, openedEventId, body.petitioners ?? []);
        // The new keys are committed (in a group with other requests' keys) before the event refers to them.
        await this.vault.durable();
        return {
          type: 'OpenMatter',
          matterId,
          category: body.category,
          subject: body.subject ?? null,
          responsibleUnit: body.responsibleUnit,
          summary: body.summary,
          petitioners,
          contact: body.contact,
        };
      },
      eventIds: { MatterOpened: openedEventId },
    });
  }

  /** e.g. XF20221127-k3J9vQ2m: the day it was opened and 48 random bits. */
  private generateMatterId(): string {
    const day = this.clock.now().toISOString().slice(0, 10).replace(/-/g, '');
    return `XF${day}-${pooledRandomBytes(6).toString('base64url')}`;
  }
}
