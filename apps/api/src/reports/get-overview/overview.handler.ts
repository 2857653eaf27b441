import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { overviewReport } from '@app/projections';
import { Clock, CLOCK } from '@app/runtime';
import { ReadModels } from '../../read-models/read-models.service';
import { reportPeriod, ReportPosition } from '../report-position';
import { GetOverviewQuery, OverviewAnswer } from './overview.query';

/**
 * With `asOf=P` the answer is as if the ledger ended at position P: the fact
 * tables are filtered on the positions of the events that made their rows.
 */
@QueryHandler(GetOverviewQuery)
export class GetOverviewHandler implements IQueryHandler<GetOverviewQuery, OverviewAnswer> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly position: ReportPosition,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: GetOverviewQuery): Promise<OverviewAnswer> {
    const period = reportPeriod(query.from, query.to);
    const position = await this.position.at(query.asOf);
    return { position, report: overviewReport(this.readModels.db, period, position, this.clock.today()) };
  }
}
