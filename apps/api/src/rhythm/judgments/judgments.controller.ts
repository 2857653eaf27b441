import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Principal } from '@app/security';
import { CurrentPrincipal } from '../../auth/auth.decorators';
import { ApiProblems } from '../../http/api-problems';
import { ReportQueryDto } from '../../read-models/read-query.dto';
import { canonical, stamped } from '../report-response';
import { GetAgendaQuery } from './get-agenda/get-agenda.query';

/** 周研判: the weekly judgment agenda. */
@ApiTags('rhythm')
@ApiBearerAuth()
@Controller('judgments')
export class JudgmentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':week')
  @ApiOperation({ summary: '周研判: the weekly judgment agenda, e.g. 2022-W14', operationId: 'getJudgmentAgenda' })
  @ApiOkResponse({ description: 'The agenda of the week' })
  @ApiProblems(400, 401, 503)
  async agenda(
    @Param('week') week: string,
    @Query() query: ReportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return canonical(stamped(res, await this.queries.execute(new GetAgendaQuery(week, principal, query.asOf))));
  }
}
