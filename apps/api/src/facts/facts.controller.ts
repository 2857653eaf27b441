import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten } from '../http/openapi';
import { WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import { FactCommands } from './fact-commands.service';
import {
  AccountabilityDto,
  CampaignCaseDto,
  CampaignDto,
  MeetingDto,
  ReceptionDto,
  RiskAssessmentDto,
  ScreeningDto,
} from './facts.dto';

/** API.md "Other facts": the bureau's work besides matters, each an event through the one write path. */
@ApiTags('facts')
@ApiBearerAuth()
@Controller()
export class FactsController {
  constructor(private readonly commands: FactCommands) {}

  /** 领导接访 */
  @Post('receptions')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({ summary: 'Record a leader’s reception of petitioners (领导接访)', operationId: 'recordReception' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  reception(@Body() body: ReceptionDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.reception(ctx, body);
  }

  /** 矛盾纠纷排查 */
  @Post('screenings')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({ summary: 'Record a screening for disputes (矛盾纠纷排查)', operationId: 'recordScreening' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  screening(@Body() body: ScreeningDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.screening(ctx, body);
  }

  /** 社会稳定风险评估 */
  @Post('risk-assessments')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({
    summary: 'Record a social stability risk assessment (社会稳定风险评估)',
    operationId: 'recordRiskAssessment',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  riskAssessment(@Body() body: RiskAssessmentDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.riskAssessment(ctx, body);
  }

  /** 积案化解 campaign */
  @Post('campaigns')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({ summary: 'Launch a backlog campaign (积案化解)', operationId: 'launchCampaign' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  campaign(@Body() body: CampaignDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.launchCampaign(ctx, body);
  }

  @Post('campaigns/:id/cases')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({ summary: 'Add a matter to a campaign’s cases', operationId: 'addCampaignCase' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  campaignCase(
    @Param('id') id: string,
    @Body() body: CampaignCaseDto,
    @Write() ctx: WriteContext,
  ): Promise<WriteResult> {
    return this.commands.addCampaignCase(ctx, id, body);
  }

  /** 周研判会 and other meetings with their decisions */
  @Post('meetings')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({ summary: 'Record a meeting and its decisions (周研判会 and others)', operationId: 'recordMeeting' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  meeting(@Body() body: MeetingDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.meeting(ctx, body);
  }

  /** 约谈 / 通报批评 */
  @Post('accountability')
  @HttpCode(201)
  @Roles('leader')
  @ApiOperation({
    summary: 'Record an accountability action (约谈, 通报批评; leader)',
    operationId: 'recordAccountability',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  accountability(@Body() body: AccountabilityDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.accountability(ctx, body);
  }
}
