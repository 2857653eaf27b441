import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { heldByUnitsOf, MatterStream } from '../matter-stream';
import { RecordHandlingActionCommand } from './record-handling-action.command';

/** Only a handler of the unit holding the matter (or admin) may give it. */
@CommandHandler(RecordHandlingActionCommand)
export class RecordHandlingActionHandler implements ICommandHandler<RecordHandlingActionCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: RecordHandlingActionCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(
      ctx,
      this.matters.write(matterId, { type: 'RecordHandlingAction', ...body }, heldByUnitsOf(ctx.principal)),
    );
  }
}
