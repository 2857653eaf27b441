import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { canonicalJson } from '@app/ledger';
import { ReportPoint } from '@app/projections';
import { Principal } from '@app/security';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten, WriteResultDto } from '../http/openapi';
import { ProblemException } from '../http/problem';
import { ReportQueryDto } from '../read-models/read-query.dto';
import { Write, WriteContext } from '../writes/write-context';
import { bulletinCsv, bulletinHtml, bulletinXlsx, CSV_TYPE, HTML_TYPE, XLSX_TYPE } from './bulletin-formats';
import { RankingRuleDto, RankingRulesQueryDto } from './rhythm.dto';
import { Published, RhythmService } from './rhythm.service';

const JSON_TYPE = 'application/json';

/**
 * Reports are sent as canonical JSON (sorted keys, no whitespace): the same
 * figures always give the same bytes, and a ranking computed at a publication's
 * checkpoint is byte for byte what `…/published` returns.
 */
function json(value: unknown): StreamableFile {
  return new StreamableFile(Buffer.from(canonicalJson(value), 'utf8'), { type: `${JSON_TYPE}; charset=utf-8` });
}

function stamp(res: Response, point: ReportPoint): void {
  res.setHeader('X-Ledger-Position', point.asOf.toString());
}

function sendPublished(res: Response, published: Published): StreamableFile {
  const { status } = published;
  res.setHeader('X-Publication-Position', status.position);
  res.setHeader('X-Checkpoint-Position', status.checkpoint.position);
  res.setHeader('X-Checkpoint-Root', status.checkpoint.rootHash);
  res.setHeader('X-Content-SHA256', status.contentSha256);
  res.setHeader('X-Restated', String(status.restated));
  return new StreamableFile(published.bytes, { type: `${JSON_TYPE}; charset=utf-8` });
}

@ApiTags('rhythm')
@ApiBearerAuth()
@Controller('judgments')
export class JudgmentsController {
  constructor(private readonly rhythm: RhythmService) {}

  @Get(':week')
  @ApiOperation({ summary: '周研判: the weekly judgment agenda, e.g. 2022-W14', operationId: 'getJudgmentAgenda' })
  @ApiOkResponse({ description: 'The agenda of the week' })
  @ApiProblems(400, 401, 503)
  async agenda(
    @Param('week') weekId: string,
    @Query() query: ReportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const week = this.rhythm.period('week', weekId);
    const point = await this.rhythm.point(query.asOf);
    stamp(res, point);
    return json(this.rhythm.agenda(week, point, principal));
  }
}

@ApiTags('rhythm')
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinsController {
  constructor(private readonly rhythm: RhythmService) {}

  @Get(':halfMonth')
  @ApiOperation({
    summary: '半月通报: one row per unit, e.g. 2022-04-H1; JSON, or CSV, XLSX or printable HTML by Accept',
    operationId: 'getBulletin',
  })
  @ApiProduces(JSON_TYPE, CSV_TYPE, XLSX_TYPE, HTML_TYPE)
  @ApiOkResponse({ description: 'The bulletin in the format Accept asks for' })
  @ApiProblems(400, 401, 406, 503)
  async bulletin(
    @Param('halfMonth') id: string,
    @Query() query: ReportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const period = this.rhythm.period('bulletin', id);
    const format = req.accepts([JSON_TYPE, CSV_TYPE, XLSX_TYPE, HTML_TYPE]);
    if (!format) {
      throw new ProblemException(
        406,
        'not-acceptable',
        'Not acceptable',
        `a bulletin is available as ${[JSON_TYPE, CSV_TYPE, XLSX_TYPE, HTML_TYPE].join(', ')}`,
      );
    }
    const point = await this.rhythm.point(query.asOf);
    stamp(res, point);
    const doc = this.rhythm.bulletin(period, point);
    const status = this.rhythm.publicationStatus('bulletin', period.id, point, doc);
    const file = `bulletin-${period.id}`;
    switch (format) {
      case CSV_TYPE:
        res.setHeader('Content-Disposition', `attachment; filename="${file}.csv"`);
        return new StreamableFile(bulletinCsv(doc), { type: `${CSV_TYPE}; charset=utf-8` });
      case XLSX_TYPE:
        res.setHeader('Content-Disposition', `attachment; filename="${file}.xlsx"`);
        return new StreamableFile(await bulletinXlsx(doc, this.rhythm.printOptions()), { type: XLSX_TYPE });
      case HTML_TYPE: {
        const notice = status?.restated
          ? `本期通报已于账本位置 ${status.position} 发布；此后补录的事实使数字有 ${status.restatement!.differences} 处变化，以下为重新计算结果（更正说明），已发布版本不变。`
          : null;
        return new StreamableFile(Buffer.from(bulletinHtml(doc, notice, this.rhythm.printOptions()), 'utf8'), {
          type: `${HTML_TYPE}; charset=utf-8`,
        });
      }
      default:
        return json(status ? { ...doc, published: status } : doc);
    }
  }

  @Post(':halfMonth/publish')
  @HttpCode(201)
  @Roles('analyst')
  @ApiOperation({
    summary: 'freeze a finished half-month’s bulletin as an event (once per period)',
    operationId: 'publishBulletin',
  })
  @ApiCreatedResponse({
    type: WriteResultDto,
    description: 'Published: the write, with the checkpoint, rule and content hash it froze',
  })
  @ApiProblems(400, 401, 403, 409, 422, 503)
  publish(@Param('halfMonth') id: string, @Write() ctx: WriteContext) {
    return this.rhythm.publish('bulletin', this.rhythm.period('bulletin', id), ctx);
  }

  @Get(':halfMonth/published')
  @ApiOperation({ summary: 'the published bulletin, byte for byte', operationId: 'getPublishedBulletin' })
  @ApiOkResponse({ description: 'The published bulletin, as it was frozen' })
  @ApiProblems(400, 401, 404, 503)
  async published(
    @Param('halfMonth') id: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const period = this.rhythm.period('bulletin', id);
    const point = await this.rhythm.point(query.asOf);
    stamp(res, point);
    return sendPublished(res, await this.rhythm.published('bulletin', period, point));
  }
}

@ApiTags('rhythm')
@ApiBearerAuth()
@Controller('rankings')
export class RankingsController {
  constructor(private readonly rhythm: RhythmService) {}

  @Get(':month')
  @ApiOperation({
    summary: '月排名: units ranked within peer groups by the rule in force, e.g. 2022-04',
    operationId: 'getRanking',
  })
  @ApiOkResponse({ description: 'The ranking of the month' })
  @ApiProblems(400, 401, 503)
  async ranking(@Param('month') id: string, @Query() query: ReportQueryDto, @Res({ passthrough: true }) res: Response) {
    const period = this.rhythm.period('ranking', id);
    const point = await this.rhythm.point(query.asOf);
    stamp(res, point);
    const doc = this.rhythm.ranking(period, point);
    const status = this.rhythm.publicationStatus('ranking', period.id, point, doc);
    return json(status ? { ...doc, published: status } : doc);
  }

  @Get(':month/units/:code/explanation')
  @ApiOperation({
    summary: 'why a unit ranked where it did: every indicator with the matters behind it',
    operationId: 'explainRanking',
  })
  @ApiOkResponse({ description: 'Each indicator with the matters behind it' })
  @ApiProblems(400, 401, 403, 404, 503)
  async explanation(
    @Param('month') id: string,
    @Param('code') code: string,
    @Query() query: ReportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const period = this.rhythm.period('ranking', id);
    const point = await this.rhythm.point(query.asOf);
    stamp(res, point);
    return json(this.rhythm.explanation(period, code, point, principal));
  }

  @Post(':month/publish')
  @HttpCode(201)
  @Roles('analyst')
  @ApiOperation({
    summary: 'freeze a finished month’s ranking as an event (once per period)',
    operationId: 'publishRanking',
  })
  @ApiCreatedResponse({
    type: WriteResultDto,
    description: 'Published: the write, with the checkpoint, rule and content hash it froze',
  })
  @ApiProblems(400, 401, 403, 409, 422, 503)
  publish(@Param('month') id: string, @Write() ctx: WriteContext) {
    return this.rhythm.publish('ranking', this.rhythm.period('ranking', id), ctx);
  }

  @Get(':month/published')
  @ApiOperation({ summary: 'the published ranking, byte for byte', operationId: 'getPublishedRanking' })
  @ApiOkResponse({ description: 'The published ranking, as it was frozen' })
  @ApiProblems(400, 401, 404, 503)
  async published(
    @Param('month') id: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const period = this.rhythm.period('ranking', id);
    const point = await this.rhythm.point(query.asOf);
    stamp(res, point);
    return sendPublished(res, await this.rhythm.published('ranking', period, point));
  }
}

@ApiTags('rhythm')
@ApiBearerAuth()
@Controller('ranking-rules')
export class RankingRulesController {
  constructor(private readonly rhythm: RhythmService) {}

  @Post()
  @HttpCode(201)
  @Roles('analyst')
  @ApiOperation({
    summary: 'adopt a version of a ranking rule; in force from the next month',
    operationId: 'adoptRankingRule',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  adopt(@Body() body: RankingRuleDto, @Write() ctx: WriteContext) {
    return this.rhythm.adoptRule(body, ctx);
  }

  @Get()
  @ApiOperation({
    summary: 'the shipped default and every adopted rule version; with month=, the rule in force for it',
    operationId: 'listRankingRules',
  })
  @ApiOkResponse({ description: 'The rule versions, or the one in force for month' })
  @ApiProblems(400, 401, 503)
  async list(@Query() query: RankingRulesQueryDto, @Res({ passthrough: true }) res: Response) {
    const point = await this.rhythm.point(query.asOf);
    stamp(res, point);
    return this.rhythm.rules(point, query.month ? this.rhythm.period('ranking', query.month) : undefined);
  }
}

@ApiTags('rhythm')
@ApiBearerAuth()
@Controller('units')
export class DossierController {
  constructor(private readonly rhythm: RhythmService) {}

  @Get(':code/dossier')
  @ApiOperation({
    summary:
      '问责卷宗: published rankings and bulletins a unit appeared in, its overdue matters, accountability actions',
    operationId: 'getUnitDossier',
  })
  @ApiOkResponse({ description: 'The unit’s accountability dossier' })
  @ApiProblems(400, 401, 403, 404, 503)
  async dossier(
    @Param('code') code: string,
    @Query() query: ReportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const point = await this.rhythm.point(query.asOf);
    stamp(res, point);
    return json(this.rhythm.dossier(code, point, principal));
  }
}

export const RHYTHM_CONTROLLERS = [
  JudgmentsController,
  BulletinsController,
  RankingsController,
  RankingRulesController,
  DossierController,
];
