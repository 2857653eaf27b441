import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { ReviewRequestDto } from './request-review.dto';

/** POST /matters/{id}/reviews: the petitioner asks for review or re-review (registrar). */
export class RequestReviewCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: ReviewRequestDto,
  ) {
    super();
  }
}
