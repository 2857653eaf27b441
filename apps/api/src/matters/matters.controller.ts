import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { localDateOf, ClockSettings } from '@app/domain';
import { findMatter, listMatters, timelineOf } from '@app/projections';
import { Principal } from '@app/security';
import { Inject } from '@nestjs/common';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten } from '../http/openapi';
import { badRequest, notFound } from '../http/problem';
import { CLOCK_SETTINGS } from '../read-models/clock-settings';
import { ReadModels } from '../read-models/read-models.service';
import { ReadQueryDto } from '../read-models/read-query.dto';
import { WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import {
  AcceptanceDto,
  ActionDto,
  AssignmentDto,
  CorrectionDto,
  EvaluationDto,
  ExtensionDto,
  ListMattersQueryDto,
  OpenMatterDto,
  OwnerDto,
  RecordContactDto,
  RemitReturnDto,
  ReplyDto,
  ResolutionDto,
  ReviewDecisionDto,
  ReviewRequestDto,
} from './matter.dto';
import { MatterCommands } from './matter-commands.service';
import { assertMayRead, MatterViews } from './matter-view';

const ID = ':id';

@ApiTags('matters')
@ApiBearerAuth()
@Controller('matters')
export class MattersController {
  constructor(
    private readonly commands: MatterCommands,
    private readonly views: MatterViews,
    private readonly readModels: ReadModels,
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: 'Open a matter with its first contact (registrar)', operationId: 'openMatter' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  open(@Body() body: OpenMatterDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.open(ctx, {
      matterId: body.id,
      category: body.category,
      subject: body.subject ?? null,
      responsibleUnit: body.responsibleUnit,
      summary: body.summary,
      petitioners: body.petitioners ?? [],
      contact: body.contact,
    });
  }

  @Post(`${ID}/contacts`)
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({
    summary: 'Record a further contact (a repeat) on a matter (registrar)',
    operationId: 'recordContact',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  contact(@Param('id') id: string, @Body() body: RecordContactDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'RecordContact', contact: body.contact });
  }

  @Post(`${ID}/assignments`)
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: 'Transfer or assign a matter to a unit (registrar)', operationId: 'assignMatter' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  assign(@Param('id') id: string, @Body() body: AssignmentDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'AssignMatter', ...body });
  }

  @Post(`${ID}/acceptance`)
  @HttpCode(201)
  @Roles('handler')
  @ApiOperation({
    summary: 'Accept or decline a matter (handler of the assigned unit)',
    operationId: 'decideAcceptance',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  accept(@Param('id') id: string, @Body() body: AcceptanceDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'DecideAcceptance', ...body });
  }

  /** 异议: the unit returns the matter as outside its remit, within 5 working days of the transfer. */
  @Post(`${ID}/remit-returns`)
  @HttpCode(201)
  @Roles('handler')
  @ApiOperation({
    summary: 'Return a matter as outside the unit’s remit (异议, handler)',
    operationId: 'returnOutsideRemit',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  returnOutsideRemit(@Param('id') id: string, @Body() body: RemitReturnDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'ReturnOutsideRemit', ...body });
  }

  @Post(`${ID}/actions`)
  @HttpCode(201)
  @Roles('handler')
  @ApiOperation({
    summary: 'Record a handling action (handler of the assigned unit)',
    operationId: 'recordHandlingAction',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  action(@Param('id') id: string, @Body() body: ActionDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'RecordHandlingAction', ...body });
  }

  @Post(`${ID}/extensions`)
  @HttpCode(201)
  @Roles('handler')
  @ApiOperation({ summary: 'Extend the handling limit (handler of the assigned unit)', operationId: 'extendDeadline' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  extend(@Param('id') id: string, @Body() body: ExtensionDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'ExtendDeadline', ...body });
  }

  @Post(`${ID}/replies`)
  @HttpCode(201)
  @Roles('handler')
  @ApiOperation({
    summary: 'Issue the reply to the petitioner (handler of the assigned unit)',
    operationId: 'issueReply',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  reply(@Param('id') id: string, @Body() body: ReplyDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'IssueReply', ...body });
  }

  @Post(`${ID}/evaluations`)
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: 'Record the petitioner’s evaluation (registrar)', operationId: 'evaluateSatisfaction' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  evaluate(@Param('id') id: string, @Body() body: EvaluationDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'EvaluateSatisfaction', ...body });
  }

  @Post(`${ID}/reviews`)
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: 'Record a review or re-review request (registrar)', operationId: 'requestReview' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  requestReview(@Param('id') id: string, @Body() body: ReviewRequestDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'RequestReview', ...body });
  }

  @Post(`${ID}/reviews/decisions`)
  @HttpCode(201)
  @Roles('leader')
  @ApiOperation({ summary: 'Decide a review or re-review (leader)', operationId: 'decideReview' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  decideReview(@Param('id') id: string, @Body() body: ReviewDecisionDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'DecideReview', ...body });
  }

  @Post(`${ID}/resolution`)
  @HttpCode(201)
  @Roles('handler')
  @ApiOperation({ summary: 'Record that a matter was resolved (化解, handler)', operationId: 'resolveMatter' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  resolve(@Param('id') id: string, @Body() body: ResolutionDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'ResolveMatter', ...body });
  }

  @Post(`${ID}/owners`)
  @HttpCode(201)
  @Roles('leader')
  @ApiOperation({ summary: 'Assign a leader as the matter’s owner (包案, leader)', operationId: 'assignOwner' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  own(@Param('id') id: string, @Body() body: OwnerDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'AssignOwner', ...body });
  }

  @Post(`${ID}/corrections`)
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: 'Correct a field of a matter (registrar)', operationId: 'correctMatter' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  correct(@Param('id') id: string, @Body() body: CorrectionDto, @Write() ctx: WriteContext) {
    return this.commands.execute(ctx, id, { type: 'CorrectMatter', ...body });
  }

  @Get()
  @ApiOperation({ summary: 'List matters, filtered and paged', operationId: 'listMatters' })
  @ApiOkResponse({ description: 'A page of matters and the cursor of the next page' })
  @ApiProblems(400, 401, 503)
  list(@Query() query: ListMattersQueryDto, @CurrentPrincipal() principal: Principal) {
    const limit = query.limit ? Number(query.limit) : 50;
    if (limit < 1 || limit > 500)
      throw badRequest('limit must be 1 to 500', [{ field: 'limit', message: 'must be 1 to 500' }]);
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const today = localDateOf(new Date().toISOString(), this.settings.timeZone);
    const rows = listMatters(this.readModels.db, {
      unit: query.unit,
      units: principal.role === 'handler' ? principal.units : undefined,
      status: query.status,
      subject: query.subject,
      from: query.from,
      to: query.to,
      overdueOn: query.overdue === undefined ? undefined : { date: today, overdue: query.overdue === 'true' },
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map(({ state, revision }) => ({
        id: state.matterId,
        revision,
        status: state.status,
        category: state.category,
        subject: state.subject,
        responsibleUnit: state.responsibleUnit,
        assignedUnit: state.assignedUnit,
        openedAt: state.openedAt,
        owner: state.owner,
        resolved: state.resolved,
      })),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].state.matterId) : null,
    };
  }

  @Get(ID)
  @ApiOperation({
    summary: 'Get a matter’s current state (petitioners masked unless the caller may see them)',
    operationId: 'getMatter',
  })
  @ApiOkResponse({ description: 'The matter’s current state' })
  @ApiProblems(400, 401, 403, 404, 503)
  async get(
    @Param('id') id: string,
    @Query() _query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: { id?: string },
  ) {
    const row = findMatter(this.readModels.db, id);
    if (!row) throw notFound(`no matter ${id}`);
    return this.views.view(row, principal, req.id ?? null);
  }

  @Get(`${ID}/timeline`)
  @ApiOperation({ summary: 'Get every event of a matter', operationId: 'getMatterTimeline' })
  @ApiOkResponse({ description: 'The matter’s events in order' })
  @ApiProblems(400, 401, 403, 404, 503)
  timeline(@Param('id') id: string, @Query() _query: ReadQueryDto, @CurrentPrincipal() principal: Principal) {
    const row = findMatter(this.readModels.db, id);
    if (!row) throw notFound(`no matter ${id}`);
    assertMayRead(principal, row.state);
    return timelineOf(this.readModels.db, id).map(({ index: _index, stream: _stream, ...entry }) => entry);
  }
}

function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw badRequest('cursor is not one this API gave', [{ field: 'cursor', message: 'invalid cursor' }]);
  return id;
}
