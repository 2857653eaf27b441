import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Principal } from '@app/security';
import { CurrentPrincipal } from '../../auth/auth.decorators';
import { ApiProblems } from '../../http/api-problems';
import { ReportQueryDto } from '../../read-models/read-query.dto';
import { canonical, stamped } from '../report-response';
import { GetDossierQuery } from './get-dossier/get-dossier.query';

/** 问责卷宗: a unit's dossier (under /units, beside the units resource). */
@ApiTags('rhythm')
@ApiBearerAuth()
@Controller('units')
export class DossiersController {
  constructor(private readonly queries: QueryBus) {}

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
  ): Promise<StreamableFile> {
    return canonical(stamped(res, await this.queries.execute(new GetDossierQuery(code, principal, query.asOf))));
  }
}
