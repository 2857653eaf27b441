import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { personalDataViewingDecider, streams } from '@app/domain';
import { Clock, CLOCK } from '@app/runtime';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { RecordPersonalDataViewingCommand } from './record-personal-data-viewing.command';

/** The reading goes through the one write path like every fact, on `pd-access-<matterId>`. */
@CommandHandler(RecordPersonalDataViewingCommand)
export class RecordPersonalDataViewingHandler implements ICommandHandler<
  RecordPersonalDataViewingCommand,
  WriteResult
> {
  constructor(
    private readonly writer: LedgerWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ ctx, matterId, petitionerIds }: RecordPersonalDataViewingCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(ctx, {
      stream: streams.personalDataAccess(matterId),
      // A log of readings: appended whatever its revision, so concurrent readers never conflict.
      expect: 'append',
      noun: 'personal data access record',
      decider: personalDataViewingDecider,
      command: { type: 'RecordPersonalDataViewing', matterId, petitionerIds },
      context: { now: this.clock.now().toISOString() },
    });
  }
}
