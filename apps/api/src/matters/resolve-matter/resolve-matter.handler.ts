import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { heldByUnitsOf, MatterStream } from '../matter-stream';
import { ResolveMatterCommand } from './resolve-matter.command';

/** Only a handler of the unit holding the matter (or admin) may give it. */
@CommandHandler(ResolveMatterCommand)
export class ResolveMatterHandler implements ICommandHandler<ResolveMatterCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: ResolveMatterCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(
      ctx,
      this.matters.write(matterId, { type: 'ResolveMatter', ...body }, heldByUnitsOf(ctx.principal)),
    );
  }
}
