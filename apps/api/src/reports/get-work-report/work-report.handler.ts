import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClockSettings, topicWindows } from '@app/domain';
import { workReport, workReportDocx } from '@app/projections';
import { Clock, CLOCK, CLOCK_SETTINGS } from '@app/runtime';
import { ReadModels } from '../../read-models/read-models.service';
import { reportPeriod, ReportPosition } from '../report-position';
import { GetWorkReportQuery, WorkReportAnswer } from './work-report.query';

/** The figures of docs/work-report.md as known at the report's position; the topic windows from the official calendar. */
@QueryHandler(GetWorkReportQuery)
export class GetWorkReportHandler implements IQueryHandler<GetWorkReportQuery, WorkReportAnswer> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly position: ReportPosition,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
  ) {}

  async execute(query: GetWorkReportQuery): Promise<WorkReportAnswer> {
    const period = reportPeriod(query.from, query.to);
    const position = await this.position.at(query.asOf);
    const report = workReport(
      this.readModels.db,
      period,
      position,
      this.clock.today(),
      topicWindows(period, this.settings.calendar),
    );
    if (query.format === 'json') return { position, format: 'json', report };
    const fileName = `work-report-${period.from}-${period.to}.docx`;
    return { position, format: 'docx', file: await workReportDocx(report), fileName };
  }
}
