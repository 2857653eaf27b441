import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/security';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten } from '../http/openapi';
import { ReadQueryDto } from '../read-models/read-query.dto';
import { WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import { GetMatterQuery } from './get-matter/get-matter.query';
import { ListMattersQueryDto } from './list-matters/list-matters.dto';
import { ListMattersQuery, MatterListPage } from './list-matters/list-matters.query';
import { MatterView } from './matter-view';
import { MatterListPageDto, MatterTimelineEntryDto, MatterViewDto } from './matter-responses.dto';
import { MatterTimelineEntry, MatterTimelineQuery } from './matter-timeline/matter-timeline.query';
import { OpenMatterCommand } from './open-matter/open-matter.command';
import { OpenMatterDto } from './open-matter/open-matter.dto';
import { RecordContactCommand } from './record-contact/record-contact.command';
import { RecordContactDto } from './record-contact/record-contact.dto';
import { AssignMatterCommand } from './assign-matter/assign-matter.command';
import { AssignmentDto } from './assign-matter/assign-matter.dto';
import { DecideAcceptanceCommand } from './decide-acceptance/decide-acceptance.command';
import { AcceptanceDto } from './decide-acceptance/decide-acceptance.dto';
import { ReturnOutsideRemitCommand } from './return-outside-remit/return-outside-remit.command';
import { RemitReturnDto } from './return-outside-remit/return-outside-remit.dto';
import { RecordHandlingActionCommand } from './record-handling-action/record-handling-action.command';
import { ActionDto } from './record-handling-action/record-handling-action.dto';
import { ExtendDeadlineCommand } from './extend-deadline/extend-deadline.command';
import { ExtensionDto } from './extend-deadline/extend-deadline.dto';
import { IssueReplyCommand } from './issue-reply/issue-reply.command';
import { ReplyDto } from './issue-reply/issue-reply.dto';
import { EvaluateSatisfactionCommand } from './evaluate-satisfaction/evaluate-satisfaction.command';
import { EvaluationDto } from './evaluate-satisfaction/evaluate-satisfaction.dto';
import { RequestReviewCommand } from './request-review/request-review.command';
import { ReviewRequestDto } from './request-review/request-review.dto';
import { DecideReviewCommand } from './decide-review/decide-review.command';
import { ReviewDecisionDto } from './decide-review/decide-review.dto';
import { ResolveMatterCommand } from './resolve-matter/resolve-matter.command';
import { ResolutionDto } from './resolve-matter/resolve-matter.dto';
import { AssignOwnerCommand } from './assign-owner/assign-owner.command';
import { OwnerDto } from './assign-owner/assign-owner.dto';
import { CorrectMatterCommand } from './correct-matter/correct-matter.command';
import { CorrectionDto } from './correct-matter/correct-matter.dto';

const ID = ':id';

/** The matters resource: each endpoint builds its command or query and hands it to the bus. */
@ApiTags('matters')
@ApiBearerAuth()
@Controller('matters')
export class MattersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: 'Open a matter with its first contact (registrar)', operationId: 'openMatter' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  open(@Body() body: OpenMatterDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new OpenMatterCommand(ctx, body));
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
  contact(@Param('id') id: string, @Body() body: RecordContactDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new RecordContactCommand(ctx, id, body));
  }

  @Post(`${ID}/assignments`)
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: 'Transfer or assign a matter to a unit (registrar)', operationId: 'assignMatter' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  assign(@Param('id') id: string, @Body() body: AssignmentDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new AssignMatterCommand(ctx, id, body));
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
  accept(@Param('id') id: string, @Body() body: AcceptanceDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new DecideAcceptanceCommand(ctx, id, body));
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
  returnOutsideRemit(
    @Param('id') id: string,
    @Body() body: RemitReturnDto,
    @Write() ctx: WriteContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new ReturnOutsideRemitCommand(ctx, id, body));
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
  action(@Param('id') id: string, @Body() body: ActionDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new RecordHandlingActionCommand(ctx, id, body));
  }

  @Post(`${ID}/extensions`)
  @HttpCode(201)
  @Roles('handler')
  @ApiOperation({ summary: 'Extend the handling limit (handler of the assigned unit)', operationId: 'extendDeadline' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  extend(@Param('id') id: string, @Body() body: ExtensionDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new ExtendDeadlineCommand(ctx, id, body));
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
  reply(@Param('id') id: string, @Body() body: ReplyDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new IssueReplyCommand(ctx, id, body));
  }

  @Post(`${ID}/evaluations`)
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: 'Record the petitioner’s evaluation (registrar)', operationId: 'evaluateSatisfaction' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  evaluate(@Param('id') id: string, @Body() body: EvaluationDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new EvaluateSatisfactionCommand(ctx, id, body));
  }

  @Post(`${ID}/reviews`)
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: 'Record a review or re-review request (registrar)', operationId: 'requestReview' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  requestReview(
    @Param('id') id: string,
    @Body() body: ReviewRequestDto,
    @Write() ctx: WriteContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new RequestReviewCommand(ctx, id, body));
  }

  @Post(`${ID}/reviews/decisions`)
  @HttpCode(201)
  @Roles('leader')
  @ApiOperation({ summary: 'Decide a review or re-review (leader)', operationId: 'decideReview' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  decideReview(
    @Param('id') id: string,
    @Body() body: ReviewDecisionDto,
    @Write() ctx: WriteContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new DecideReviewCommand(ctx, id, body));
  }

  @Post(`${ID}/resolution`)
  @HttpCode(201)
  @Roles('handler')
  @ApiOperation({ summary: 'Record that a matter was resolved (化解, handler)', operationId: 'resolveMatter' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  resolve(@Param('id') id: string, @Body() body: ResolutionDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new ResolveMatterCommand(ctx, id, body));
  }

  @Post(`${ID}/owners`)
  @HttpCode(201)
  @Roles('leader')
  @ApiOperation({ summary: 'Assign a leader as the matter’s owner (包案, leader)', operationId: 'assignOwner' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  own(@Param('id') id: string, @Body() body: OwnerDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new AssignOwnerCommand(ctx, id, body));
  }

  @Post(`${ID}/corrections`)
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: 'Correct a field of a matter (registrar)', operationId: 'correctMatter' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  correct(@Param('id') id: string, @Body() body: CorrectionDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new CorrectMatterCommand(ctx, id, body));
  }

  @Get()
  @ApiOperation({ summary: 'List matters, filtered and paged', operationId: 'listMatters' })
  @ApiOkResponse({ type: MatterListPageDto, description: 'A page of matters and the cursor of the next page' })
  @ApiProblems(400, 401, 503)
  list(@Query() query: ListMattersQueryDto, @CurrentPrincipal() principal: Principal): Promise<MatterListPage> {
    return this.queries.execute(new ListMattersQuery(principal, query));
  }

  @Get(ID)
  @ApiOperation({
    summary: 'Get a matter’s current state (petitioners masked unless the caller may see them)',
    operationId: 'getMatter',
  })
  @ApiOkResponse({ type: MatterViewDto, description: 'The matter’s current state' })
  @ApiProblems(400, 401, 403, 404, 503)
  get(
    @Param('id') id: string,
    @Query() _query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: { id?: string },
  ): Promise<MatterView> {
    return this.queries.execute(new GetMatterQuery(principal, id, req.id ?? null));
  }

  @Get(`${ID}/timeline`)
  @ApiOperation({ summary: 'Get every event of a matter', operationId: 'getMatterTimeline' })
  @ApiOkResponse({ type: [MatterTimelineEntryDto], description: 'The matter’s events in order' })
  @ApiProblems(400, 401, 403, 404, 503)
  timeline(
    @Param('id') id: string,
    @Query() _query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatterTimelineEntry[]> {
    return this.queries.execute(new MatterTimelineQuery(principal, id));
  }
}
