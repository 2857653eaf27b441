import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { MatterStream } from '../matter-stream';
import { DecideReviewCommand } from './decide-review.command';

@CommandHandler(DecideReviewCommand)
export class DecideReviewHandler implements ICommandHandler<DecideReviewCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: DecideReviewCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(ctx, this.matters.write(matterId, { type: 'DecideReview', ...body }));
  }
}
