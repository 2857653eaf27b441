import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClockSettings, RecordUpperAssignment, streams, upperAssignmentDecider } from '@app/domain';
import { Clock, CLOCK, CLOCK_SETTINGS } from '@app/runtime';
import { MatterDirectory } from '../../facts/matter-directory';
import { notFound } from '../../http/problem';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { RecordUpperAssignmentCommand } from './record-upper-assignment.command';

/**
 * The assignment has its own stream (`upper_assignment-<matterId>`), not an event in the
 * matter's: it often arrives days after the matter was registered, carries its own due
 * date and document, and leaves the matter's decider and revisions untouched.
 */
@CommandHandler(RecordUpperAssignmentCommand)
export class RecordUpperAssignmentHandler implements ICommandHandler<RecordUpperAssignmentCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
  ) {}

  async execute({ ctx, matterId, body }: RecordUpperAssignmentCommand): Promise<WriteResult> {
    if (!(await this.matters.exists(matterId))) throw notFound(`no matter ${matterId}`);
    const command: RecordUpperAssignment = { type: 'RecordUpperAssignment', matterId, ...body };
    return this.writer.decideAndWrite(ctx, {
      stream: streams.upperAssignment(matterId),
      // A second assignment is the decider's refusal (422 already-upper-assigned), not a 409.
      expect: 'any',
      noun: 'upper-level assignment',
      decider: upperAssignmentDecider,
      command,
      context: { now: this.clock.now().toISOString(), timeZone: this.settings.timeZone },
    });
  }
}
