import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ErasureDto } from '../matters/matter.dto';
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
  erase(@Param('id') id: string, @Body() body: ErasureDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new ErasePetitionerCommand(ctx, id, body.reason));
  }
}
