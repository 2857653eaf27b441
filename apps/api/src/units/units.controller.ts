import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { domainEvent } from '@app/domain';
import { listUnits, UnitRow } from '@app/projections';
import { Roles } from '../auth/auth.decorators';
import { ReadModels } from '../read-models/read-models.service';
import { LedgerWriter, WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';
import { RegisterUnitDto } from './units.dto';
import { UnitDirectory } from './unit-directory';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly readModels: ReadModels,
    private readonly units: UnitDirectory,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  async register(@Body() body: RegisterUnitDto, @Write() ctx: WriteContext): Promise<WriteResult> {
    if (body.parent) await this.units.require(body.parent, 'parent');
    return this.writer.write(ctx, {
      id: body.code,
      stream: `unit-${body.code}`,
      expect: 'new',
      noun: 'unit',
      decide: () => [
        domainEvent('UnitRegistered', new Date().toISOString(), {
          code: body.code,
          name: body.name,
          kind: body.kind,
          parent: body.parent ?? null,
        }),
      ],
    });
  }

  @Get()
  list(): UnitRow[] {
    return listUnits(this.readModels.db);
  }
}
