import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { OverviewReport, WorkReport } from '@app/projections';
import { ApiProblems } from '../http/api-problems';
import { ProblemException } from '../http/problem';
import { GetOverviewQuery } from './get-overview/overview.query';
import { DOCX_TYPE, GetWorkReportQuery } from './get-work-report/work-report.query';
import { ReportPeriodQueryDto } from './report-period.dto';

const JSON_TYPE = 'application/json';

/** The work report's resources: each endpoint builds its query and hands it to the bus. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('overview')
  @ApiOperation({
    summary: 'section 一 of the work report for any dates, against the same dates one year earlier',
    operationId: 'getOverviewReport',
  })
  @ApiOkResponse({ description: 'API.md `GET /reports/overview`' })
  @ApiProblems(400, 401, 503)
  async overview(
    @Query() query: ReportPeriodQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OverviewReport> {
    const answer = await this.queries.execute(new GetOverviewQuery(query.from, query.to, query.asOf));
    res.setHeader('X-Ledger-Position', answer.position.toString());
    return answer.report;
  }

  @Get('work')
  @ApiOperation({
    summary:
      '工作报告: sections 一–三 (figures and drafted text) of the work report; JSON, or the Word file by Accept (docs/work-report.md)',
    operationId: 'getWorkReport',
  })
  @ApiProduces(JSON_TYPE, DOCX_TYPE)
  @ApiOkResponse({ description: '`{period, previous, asOf, sections: {one, two, three}, text}`, or a .docx' })
  @ApiProblems(400, 401, 406, 503)
  async work(
    @Query() query: ReportPeriodQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WorkReport | StreamableFile> {
    const accepted = req.accepts([JSON_TYPE, DOCX_TYPE]);
    if (!accepted) {
      throw new ProblemException(
        406,
        'not-acceptable',
        'Not acceptable',
        `the work report is available as ${JSON_TYPE} and ${DOCX_TYPE}`,
      );
    }
    const format = accepted === DOCX_TYPE ? 'docx' : 'json';
    const answer = await this.queries.execute(new GetWorkReportQuery(query.from, query.to, query.asOf, format));
    res.setHeader('X-Ledger-Position', answer.position.toString());
    if (answer.format === 'json') return answer.report;
    res.setHeader('Content-Disposition', `attachment; filename="${answer.fileName}"`);
    return new StreamableFile(answer.file, { type: DOCX_TYPE });
  }
}
