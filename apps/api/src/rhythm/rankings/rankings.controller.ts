import { Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Principal } from '@app/security';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators';
import { ApiProblems } from '../../http/api-problems';
import { PublishResultDto } from '../publications/publish-period/publish-result.dto';
import { ReportQueryDto } from '../../read-models/read-query.dto';
import { Write, WriteContext } from '../../writes/write-context';
import { PublishPeriodCommand, PublishResult } from '../publications/publish-period/publish-period.command';
import { ReadPublishedQuery } from '../publications/read-published/read-published.query';
import { canonical, publishedFile, stamped } from '../report-response';
import { ExplainRankingQuery } from './explain-ranking/explain-ranking.query';
import { GetRankingQuery } from './get-ranking/get-ranking.query';

/** 月排名: the monthly ranking, a unit's explanation, and the ranking's publication. */
@ApiTags('rhythm')
@ApiBearerAuth()
@Controller('rankings')
export class RankingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':month')
  @ApiOperation({
    summary: '月排名: units ranked within peer groups by the rule in force, e.g. 2022-04',
    operationId: 'getRanking',
  })
  @ApiOkResponse({ description: 'The ranking of the month' })
  @ApiProblems(400, 401, 503)
  async ranking(
    @Param('month') month: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return canonical(stamped(res, await this.queries.execute(new GetRankingQuery(month, query.asOf))));
  }

  @Get(':month/units/:code/explanation')
  @ApiOperation({
    summary: 'why a unit ranked where it did: every indicator with the matters behind it',
    operationId: 'explainRanking',
  })
  @ApiOkResponse({ description: 'Each indicator with the matters behind it' })
  @ApiProblems(400, 401, 403, 404, 503)
  async explanation(
    @Param('month') month: string,
    @Param('code') code: string,
    @Query() query: ReportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const explained = await this.queries.execute(new ExplainRankingQuery(month, code, principal, query.asOf));
    return canonical(stamped(res, explained));
  }

  @Post(':month/publish')
  @HttpCode(201)
  @Roles('analyst')
  @ApiOperation({
    summary: 'freeze a finished month’s ranking as an event (once per period)',
    operationId: 'publishRanking',
  })
  @ApiCreatedResponse({
    type: PublishResultDto,
    description: 'Published: the write, with the checkpoint, rule and content hash it froze',
  })
  @ApiProblems(400, 401, 403, 409, 422, 503)
  publish(@Param('month') month: string, @Write() ctx: WriteContext): Promise<PublishResult> {
    return this.commands.execute(new PublishPeriodCommand(ctx, 'ranking', month));
  }

  @Get(':month/published')
  @ApiOperation({ summary: 'the published ranking, byte for byte', operationId: 'getPublishedRanking' })
  @ApiOkResponse({ description: 'The published ranking, as it was frozen' })
  @ApiProblems(400, 401, 404, 503)
  async published(
    @Param('month') month: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return publishedFile(res, await this.queries.execute(new ReadPublishedQuery('ranking', month, query.asOf)));
  }
}
