import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { heldByUnitsOf, MatterStream } from '../matter-stream';
import { DecideAcceptanceCommand } from './decide-acceptance.command';

/** Only a handler of the unit holding the matter (or admin) may give it. */
@CommandHandler(DecideAcceptanceCommand)
export class DecideAcceptanceHandler implements ICommandHandler<DecideAcceptanceCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: DecideAcceptanceCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(
      ctx,
      this.matters.write(matterId, { type: 'DecideAcceptance', ...body }, heldByUnitsOf(ctx.principal)),
    );
  }
}
