import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { UNIT_KINDS, UnitKind } from '@app/domain';

export class RegisterUnitDto {
  @ApiProperty({ example: 'town-chengguan', description: 'stable code: letters, digits, - and _' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: '城关镇' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS, example: 'town' })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;

  @ApiPropertyOptional({ example: 'city', description: 'code of the parent unit' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a unit code' })
  parent?: string;
}
