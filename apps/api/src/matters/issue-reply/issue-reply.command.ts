import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { ReplyDto } from './issue-reply.dto';

/** POST /matters/{id}/replies: the written reply to the petitioner (handler). */
export class IssueReplyCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: ReplyDto,
  ) {
    super();
  }
}
