import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiWritten } from '../http/openapi';
import { ErasureDto } from './erase-petitioner/erase-petitioner.dto';
import { WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import { ErasePetitionerCommand } from './erase-petitioner/erase-petitioner.command';

@ApiTags('petitioners')
@ApiBearerAuth()
@Controller('petitioners')
export class PetitionersController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/erasure')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: 'Erase a petitioner’s personal data by destroying its key (admin)',
    operationId: 'erasePetitioner',
  })
  @ApiWritten()
  @ApiProblems(400, 401, 403, 404, 409)
  erase(@Param('id') id: string, @Body() body: ErasureDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new ErasePetitionerCommand(ctx, id, body.reason));
  }
}
