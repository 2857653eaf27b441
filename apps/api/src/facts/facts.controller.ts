import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
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
  reception(@Body() body: ReceptionDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.reception(ctx, body);
  }

  /** 矛盾纠纷排查 */
  @Post('screenings')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  screening(@Body() body: ScreeningDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.screening(ctx, body);
  }

  /** 社会稳定风险评估 */
  @Post('risk-assessments')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  riskAssessment(@Body() body: RiskAssessmentDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.riskAssessment(ctx, body);
  }

  /** 积案化解 campaign */
  @Post('campaigns')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  campaign(@Body() body: CampaignDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.launchCampaign(ctx, body);
  }

  @Post('campaigns/:id/cases')
  @HttpCode(201)
  @Roles('registrar', 'leader')
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
  meeting(@Body() body: MeetingDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.meeting(ctx, body);
  }

  /** 约谈 / 通报批评 */
  @Post('accountability')
  @HttpCode(201)
  @Roles('leader')
  accountability(@Body() body: AccountabilityDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.accountability(ctx, body);
  }
}
