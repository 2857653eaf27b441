import { Query } from '@nestjs/cqrs';
import { RankingDocument } from '@app/projections';
import { PublicationStatus } from '../../publications/publication-status';
import { Reported } from '../../report-point';

/** A month's ranking as computed now, with its publication beside it once published. */
export type RankingAnswer = RankingDocument & { readonly published?: PublicationStatus };

/** GET /rankings/{month}: units ranked within peer groups by the month's rule. */
export class GetRankingQuery extends Query<Reported<RankingAnswer>> {
  constructor(
    readonly month: string,
    readonly asOf?: string,
  ) {
    super();
  }
}
