import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten } from '../http/openapi';
import { WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import { RecordUpperAssignmentCommand } from './record-upper-assignment/record-upper-assignment.command';
import { RecordUpperAssignmentDto } from './record-upper-assignment/record-upper-assignment.dto';

/** 上三级交办, a resource under the matter but a stream of its own (docs/work-report.md). */
@ApiTags('matters')
@ApiBearerAuth()
@Controller('matters')
export class UpperAssignmentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/upper-assignments')
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({
    summary:
      '上三级交办: record that the centre, the province or the prefecture assigned the matter, with its due date',
    operationId: 'recordUpperAssignment',
  })
  @ApiWritten('`{id: matterId, revision, position}`; stream `upper_assignment-<matterId>`')
  @ApiProblems(400, 401, 403, 404, 409, 422)
  record(
    @Param('id') matterId: string,
    @Body() body: RecordUpperAssignmentDto,
    @Write() ctx: WriteContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new RecordUpperAssignmentCommand(ctx, matterId, body));
  }
}
