import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/security';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten } from '../http/openapi';
import { RemindersDto } from './get-reminders/reminders.dto';
import { WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import { ConfigureChannelCommand } from './configure-channel/configure-channel.command';
import { ConfigureChannelDto } from './configure-channel/configure-channel.dto';
import { GetRemindersQuery, RemindersAnswer } from './get-reminders/reminders.query';

const DIGEST =
  '`{date, asOf, units: [{unit, name, owners, dueToday, dueSoon, overdue}]}`, each item `{matterId, step, category, lastDay, daysLeft, owner}`';

/** 日提醒: the day's digest per unit, to read, and the webhooks it is sent to. */
@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: '日提醒 for today (business time): each unit’s duties due today, within 3 working days, overdue',
    operationId: 'getRemindersToday',
  })
  @ApiOkResponse({ type: RemindersDto, description: DIGEST })
  @ApiProblems(401, 503)
  today(@CurrentPrincipal() principal: Principal): Promise<RemindersAnswer> {
    return this.queries.execute(new GetRemindersQuery(undefined, principal));
  }

  @Get(':date')
  @ApiOperation({
    summary:
      '日提醒 for a date: each unit’s duties due that day, within the next 3 working days, and overdue; a handler sees only its units',
    operationId: 'getReminders',
  })
  @ApiParam({ name: 'date', example: '2022-04-29', description: 'YYYY-MM-DD, business time zone' })
  @ApiOkResponse({ type: RemindersDto, description: DIGEST })
  @ApiProblems(400, 401, 503)
  forDate(@Param('date') date: string, @CurrentPrincipal() principal: Principal): Promise<RemindersAnswer> {
    return this.queries.execute(new GetRemindersQuery(date, principal));
  }
}

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminder-channels')
export class ReminderChannelsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary:
      'configure (or replace) the webhook a unit’s daily digest is posted to: signed JSON, WeCom or DingTalk robot',
    operationId: 'configureReminderChannel',
  })
  @ApiWritten('`{id: channelId, revision, position}`; the URL and secret are stored sealed and never returned')
  @ApiProblems(400, 401, 403, 409, 422)
  configure(@Body() body: ConfigureChannelDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new ConfigureChannelCommand(ctx, body));
  }
}
