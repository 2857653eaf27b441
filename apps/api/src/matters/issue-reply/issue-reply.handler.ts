import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { heldByUnitsOf, MatterStream } from '../matter-stream';
import { IssueReplyCommand } from './issue-reply.command';

/** Only a handler of the unit holding the matter (or admin) may give it. */
@CommandHandler(IssueReplyCommand)
export class IssueReplyHandler implements ICommandHandler<IssueReplyCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: IssueReplyCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(
      ctx,
      this.matters.write(matterId, { type: 'IssueReply', ...body }, heldByUnitsOf(ctx.principal)),
    );
  }
}
