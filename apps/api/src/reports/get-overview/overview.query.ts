import { Query } from '@nestjs/cqrs';
import type { Position } from '@app/ledger';
import type { OverviewReport } from '@app/projections';

export interface OverviewAnswer {
  readonly report: OverviewReport;
  /** The ledger position the figures are known at (`X-Ledger-Position`). */
  readonly position: Position;
}

/** GET /reports/overview: section 一 of the work report for any dates, against the same dates a year earlier. */
export class GetOverviewQuery extends Query<OverviewAnswer> {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly asOf: string | undefined,
  ) {
    super();
  }
}
