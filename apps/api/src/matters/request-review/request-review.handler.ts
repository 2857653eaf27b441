import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { MatterStream } from '../matter-stream';
import { RequestReviewCommand } from './request-review.command';

@CommandHandler(RequestReviewCommand)
export class RequestReviewHandler implements ICommandHandler<RequestReviewCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: RequestReviewCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(ctx, this.matters.write(matterId, { type: 'RequestReview', ...body }));
  }
}
