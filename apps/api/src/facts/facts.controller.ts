import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten } from '../http/openapi';
import { WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import { AddCampaignCaseCommand } from './add-campaign-case/add-campaign-case.command';
import { CampaignCaseDto } from './add-campaign-case/add-campaign-case.dto';
import { HoldMeetingCommand } from './hold-meeting/hold-meeting.command';
import { MeetingDto } from './hold-meeting/hold-meeting.dto';
import { LaunchCampaignCommand } from './launch-campaign/launch-campaign.command';
import { CampaignDto } from './launch-campaign/launch-campaign.dto';
import { RecordAccountabilityCommand } from './record-accountability/record-accountability.command';
import { AccountabilityDto } from './record-accountability/record-accountability.dto';
import { RecordReceptionCommand } from './record-reception/record-reception.command';
import { ReceptionDto } from './record-reception/record-reception.dto';
import { RecordRiskAssessmentCommand } from './record-risk-assessment/record-risk-assessment.command';
import { RiskAssessmentDto } from './record-risk-assessment/record-risk-assessment.dto';
import { RecordScreeningCommand } from './record-screening/record-screening.command';
import { ScreeningDto } from './record-screening/record-screening.dto';

/** API.md "Other facts": the bureau's work besides matters; each endpoint builds its command for the bus. */
@ApiTags('facts')
@ApiBearerAuth()
@Controller()
export class FactsController {
  constructor(private readonly commands: CommandBus) {}

  /** 领导接访 */
  @Post('receptions')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({ summary: 'Record a leader’s reception of petitioners (领导接访)', operationId: 'recordReception' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  reception(@Body() body: ReceptionDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new RecordReceptionCommand(ctx, body));
  }

  /** 矛盾纠纷排查 */
  @Post('screenings')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({ summary: 'Record a screening for disputes (矛盾纠纷排查)', operationId: 'recordScreening' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  screening(@Body() body: ScreeningDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new RecordScreeningCommand(ctx, body));
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
    return this.commands.execute(new RecordRiskAssessmentCommand(ctx, body));
  }

  /** 积案化解 campaign */
  @Post('campaigns')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({ summary: 'Launch a backlog campaign (积案化解)', operationId: 'launchCampaign' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  campaign(@Body() body: CampaignDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new LaunchCampaignCommand(ctx, body));
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
    return this.commands.execute(new AddCampaignCaseCommand(ctx, id, body));
  }

  /** 周研判会 and other meetings with their decisions */
  @Post('meetings')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({ summary: 'Record a meeting and its decisions (周研判会 and others)', operationId: 'recordMeeting' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  meeting(@Body() body: MeetingDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new HoldMeetingCommand(ctx, body));
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
    return this.commands.execute(new RecordAccountabilityCommand(ctx, body));
  }
}
