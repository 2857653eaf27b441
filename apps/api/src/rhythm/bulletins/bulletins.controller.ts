import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../../auth/auth.decorators';
import { ApiProblems } from '../../http/api-problems';
import { PublishResultDto } from '../publications/publish-period/publish-result.dto';
import { ReportQueryDto } from '../../read-models/read-query.dto';
import { Write, WriteContext } from '../../writes/write-context';
import { PublishPeriodCommand, PublishResult } from '../publications/publish-period/publish-period.command';
import { ReadPublishedQuery } from '../publications/read-published/read-published.query';
import { publishedFile, stamped } from '../report-response';
import { BULLETIN_TYPES } from './bulletin-formats';
import { GetBulletinQuery } from './get-bulletin/get-bulletin.query';

/** 半月通报: the half-month bulletin in four formats, and its publication. */
@ApiTags('rhythm')
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':halfMonth')
  @ApiOperation({
    summary: '半月通报: one row per unit, e.g. 2022-04-H1; JSON, or CSV, XLSX or printable HTML by Accept',
    operationId: 'getBulletin',
  })
  @ApiProduces(...BULLETIN_TYPES)
  @ApiOkResponse({ description: 'The bulletin in the format Accept asks for' })
  @ApiProblems(400, 401, 406, 503)
  async bulletin(
    @Param('halfMonth') halfMonth: string,
    @Query() query: ReportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const format = req.accepts([...BULLETIN_TYPES]);
    const file = stamped(res, await this.queries.execute(new GetBulletinQuery(halfMonth, format, query.asOf)));
    if (file.filename) res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.bytes, { type: file.type });
  }

  @Post(':halfMonth/publish')
  @HttpCode(201)
  @Roles('analyst')
  @ApiOperation({
    summary: 'freeze a finished half-month’s bulletin as an event (once per period)',
    operationId: 'publishBulletin',
  })
  @ApiCreatedResponse({
    type: PublishResultDto,
    description: 'Published: the write, with the checkpoint, rule and content hash it froze',
  })
  @ApiProblems(400, 401, 403, 409, 422, 503)
  publish(@Param('halfMonth') halfMonth: string, @Write() ctx: WriteContext): Promise<PublishResult> {
    return this.commands.execute(new PublishPeriodCommand(ctx, 'bulletin', halfMonth));
  }

  @Get(':halfMonth/published')
  @ApiOperation({ summary: 'the published bulletin, byte for byte', operationId: 'getPublishedBulletin' })
  @ApiOkResponse({ description: 'The published bulletin, as it was frozen' })
  @ApiProblems(400, 401, 404, 503)
  async published(
    @Param('halfMonth') halfMonth: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return publishedFile(res, await this.queries.execute(new ReadPublishedQuery('bulletin', halfMonth, query.asOf)));
  }
}
