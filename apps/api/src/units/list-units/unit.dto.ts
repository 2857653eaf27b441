import { ApiProperty } from '@nestjs/swagger';
import { UNIT_KINDS } from '@app/domain';
import { UnitRow } from '@app/projections';

/** A row of `GET /units` as the OpenAPI document describes it (API.md `[{code, name, kind, parent}]`). */
export class UnitDto implements UnitRow {
  @ApiProperty({ example: 'town-chengguan' })
  code!: string;

  @ApiProperty({ example: '城关镇' })
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS, example: 'town' })
  kind!: string;

  @ApiProperty({ type: String, nullable: true, example: 'city', description: 'code of the parent unit, if any' })
  parent!: string | null;
}
