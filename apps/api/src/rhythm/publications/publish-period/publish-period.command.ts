import { Command } from '@nestjs/cqrs';
import { Checkpoint, PublicationData, PublishedKind } from '@app/domain';
import { WriteResult } from '../../../writes/ledger-writer';
import { WriteContext } from '../../../writes/write-context';

export interface PublishResult extends WriteResult {
  readonly checkpoint: Checkpoint;
  readonly rule: PublicationData['rule'];
  readonly contentSha256: string;
}

/**
 * POST /rankings/{month}/publish, POST /bulletins/{halfMonth}/publish (analyst):
 * freeze a finished period's figures as an event, once per period.
 */
export class PublishPeriodCommand extends Command<PublishResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly kind: PublishedKind,
    /** The period as the path gives it (`2022-04`, `2022-04-H1`). */
    readonly period: string,
  ) {
    super();
  }
}
