import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten } from '../http/openapi';
import { WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import { RecordInstructionCommand } from './record-instruction/record-instruction.command';
import { RecordInstructionDto } from './record-instruction/record-instruction.dto';

@ApiTags('facts')
@ApiBearerAuth()
@Controller('instructions')
export class InstructionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('registrar', 'leader')
  @ApiOperation({
    summary: '批示: record a leader’s instruction on petition work, a matter or a subject',
    operationId: 'recordInstruction',
  })
  @ApiWritten('`{id, revision, position}`; stream `instruction-<id>`')
  @ApiProblems(400, 401, 403, 409, 422)
  record(@Body() body: RecordInstructionDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new RecordInstructionCommand(ctx, body));
  }
}
