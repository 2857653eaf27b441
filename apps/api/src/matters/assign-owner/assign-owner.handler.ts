import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { MatterStream } from '../matter-stream';
import { AssignOwnerCommand } from './assign-owner.command';

@CommandHandler(AssignOwnerCommand)
export class AssignOwnerHandler implements ICommandHandler<AssignOwnerCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: AssignOwnerCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(ctx, this.matters.write(matterId, { type: 'AssignOwner', ...body }));
  }
}
