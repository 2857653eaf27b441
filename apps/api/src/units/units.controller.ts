import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnitRow } from '@app/projections';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten } from '../http/openapi';
import { WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import { ListUnitsQuery } from './list-units/list-units.query';
import { UnitDto } from './list-units/unit.dto';
import { RegisterUnitCommand } from './register-unit/register-unit.command';
import { RegisterUnitDto } from './register-unit/register-unit.dto';

/** The units resource: each endpoint builds its command or query and hands it to the bus. */
@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Register a unit (admin)', operationId: 'registerUnit' })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 409, 422)
  register(@Body() body: RegisterUnitDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new RegisterUnitCommand(ctx, body));
  }

  @Get()
  @ApiOperation({ summary: 'List the units', operationId: 'listUnits' })
  @ApiOkResponse({ type: [UnitDto], description: 'Every registered unit' })
  @ApiProblems(400, 401, 503)
  list(): Promise<UnitRow[]> {
    return this.queries.execute(new ListUnitsQuery());
  }
}
