import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/auth.decorators';
import { ApiProblems } from '../../http/api-problems';
import { Write, WriteContext } from '../../writes/write-context';
import { stamped } from '../report-response';
import { AdoptRankingRuleCommand, AdoptRuleResult } from './adopt-ranking-rule/adopt-ranking-rule.command';
import { RankingRuleDto } from './adopt-ranking-rule/adopt-ranking-rule.dto';
import { AdoptRuleResultDto } from './adopt-ranking-rule/adopt-rule-result.dto';
import { RankingRulesQueryDto } from './list-ranking-rules/list-ranking-rules.dto';
import { ListRankingRulesQuery, RuleListing } from './list-ranking-rules/list-ranking-rules.query';

/** 排名规则: ranking rules as versioned data. */
@ApiTags('rhythm')
@ApiBearerAuth()
@Controller('ranking-rules')
export class RankingRulesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('analyst')
  @ApiOperation({
    summary: 'adopt a version of a ranking rule; in force from the next month',
    operationId: 'adoptRankingRule',
  })
  @ApiCreatedResponse({ type: AdoptRuleResultDto, description: 'Adopted: the write, its version and first month' })
  @ApiProblems(400, 401, 403, 409, 422)
  adopt(@Body() body: RankingRuleDto, @Write() ctx: WriteContext): Promise<AdoptRuleResult> {
    return this.commands.execute(new AdoptRankingRuleCommand(ctx, body));
  }

  @Get()
  @ApiOperation({
    summary: 'the shipped default and every adopted rule version; with month=, the rule in force for it',
    operationId: 'listRankingRules',
  })
  @ApiOkResponse({ description: 'The rule versions, or the one in force for month' })
  @ApiProblems(400, 401, 503)
  async list(@Query() query: RankingRulesQueryDto, @Res({ passthrough: true }) res: Response): Promise<RuleListing> {
    return stamped(res, await this.queries.execute(new ListRankingRulesQuery(query.month, query.asOf)));
  }
}
