import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '@app/security';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten } from '../http/openapi';
import { WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import { ChangeUnitsCommand } from './change-units/change-units.command';
import { ChangeUnitsDto } from './change-units/change-units.dto';
import { IssueTokenCommand } from './issue-token/issue-token.command';
import { IssueTokenDto } from './issue-token/issue-token.dto';
import { ListPrincipalsQuery, PrincipalListItem } from './list-principals/list-principals.query';
import { RegisterPrincipalCommand } from './register-principal/register-principal.command';
import { PrincipalCreatedDto } from './principal-created.dto';
import { RegisterPrincipalDto } from './register-principal/register-principal.dto';
import { RevokePrincipalCommand } from './revoke-principal/revoke-principal.command';
import { RevokePrincipalDto } from './revoke-principal/revoke-principal.dto';
import { WhoAmIDto } from './who-am-i/who-am-i.dto';
import { WhoAmIQuery } from './who-am-i/who-am-i.query';

/** The principals resource (admin only, but for `me`): each endpoint builds its command or query and hands it to the bus. */
@ApiTags('principals')
@ApiBearerAuth()
@Controller('principals')
export class PrincipalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: 'register a principal with a role (and units for a handler); returns its token once',
    operationId: 'registerPrincipal',
  })
  @ApiCreatedResponse({ type: PrincipalCreatedDto, description: 'Written; the token is shown this once' })
  @ApiProblems(400, 401, 403, 409, 422)
  register(@Body() body: RegisterPrincipalDto, @Write() ctx: WriteContext): Promise<WriteResult & { token?: string }> {
    return this.commands.execute(new RegisterPrincipalCommand(ctx, body));
  }

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'everyone who has or had access: role, units, created, last used, expiry, revocation',
    operationId: 'listPrincipals',
  })
  @ApiOkResponse({ description: 'Every principal, oldest first; never a token or its hash' })
  @ApiProblems(400, 401, 403, 503)
  list(): Promise<PrincipalListItem[]> {
    return this.queries.execute(new ListPrincipalsQuery());
  }

  @Get('me')
  @ApiOperation({
    summary: 'who this bearer token admits: id, name, role and (for a handler) units; every role',
    operationId: 'whoAmI',
  })
  @ApiOkResponse({ type: WhoAmIDto, description: 'The principal the token admits; never a token or its hash' })
  @ApiProblems(401)
  me(@CurrentPrincipal() principal: Principal): Promise<Principal> {
    return this.queries.execute(new WhoAmIQuery(principal));
  }

  @Post(':id/revocation')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: "revoke a principal's access: its token is refused (401) from this answer on, on every instance",
    operationId: 'revokePrincipal',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  revoke(@Param('id') id: string, @Body() body: RevokePrincipalDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new RevokePrincipalCommand(ctx, id, body.reason));
  }

  @Post(':id/tokens')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: 'issue a new token for a principal (shown once); the previous token is refused from this answer on',
    operationId: 'issuePrincipalToken',
  })
  @ApiCreatedResponse({ type: PrincipalCreatedDto, description: 'Written; the new token is shown this once' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  issueToken(
    @Param('id') id: string,
    @Body() body: IssueTokenDto,
    @Write() ctx: WriteContext,
  ): Promise<WriteResult & { token?: string }> {
    return this.commands.execute(new IssueTokenCommand(ctx, id, body.expiresAt));
  }

  @Post(':id/units')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: "replace a handler's units; effective for its reads and writes from its next request",
    operationId: 'changePrincipalUnits',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409, 422)
  changeUnits(@Param('id') id: string, @Body() body: ChangeUnitsDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new ChangeUnitsCommand(ctx, id, body.units));
  }
}
