import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { heldByUnitsOf, MatterStream } from '../matter-stream';
import { ReturnOutsideRemitCommand } from './return-outside-remit.command';

/** Only a handler of the unit holding the matter (or admin) may give it. */
@CommandHandler(ReturnOutsideRemitCommand)
export class ReturnOutsideRemitHandler implements ICommandHandler<ReturnOutsideRemitCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: ReturnOutsideRemitCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(
      ctx,
      this.matters.write(matterId, { type: 'ReturnOutsideRemit', ...body }, heldByUnitsOf(ctx.principal)),
    );
  }
}
