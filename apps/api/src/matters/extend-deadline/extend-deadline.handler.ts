import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { heldByUnitsOf, MatterStream } from '../matter-stream';
import { ExtendDeadlineCommand } from './extend-deadline.command';

/** Only a handler of the unit holding the matter (or admin) may give it. */
@CommandHandler(ExtendDeadlineCommand)
export class ExtendDeadlineHandler implements ICommandHandler<ExtendDeadlineCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: ExtendDeadlineCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(
      ctx,
      this.matters.write(matterId, { type: 'ExtendDeadline', ...body }, heldByUnitsOf(ctx.principal)),
    );
  }
}
