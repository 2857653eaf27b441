import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { ReviewDecisionDto } from './decide-review.dto';

/** POST /matters/{id}/reviews/decisions: the review or re-review decision (leader). */
export class DecideReviewCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: ReviewDecisionDto,
  ) {
    super();
  }
}
