import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ACCOUNTABILITY_KINDS, AccountabilityKind } from '@app/domain';
import { OccurredAtDto } from '../../matters/matter-fields.dto';
import { ID } from '../fact-fields.dto';

export class GroundsDto {
  @ApiPropertyOptional({ example: '2022-04', description: 'the monthly ranking (YYYY-MM) it is grounded on' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM' })
  ranking?: string;

  @ApiPropertyOptional({
    example: '2022-04-H1',
    description: 'the half-month bulletin (YYYY-MM-H1|H2) it is grounded on',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-H[12]$/, { message: 'must be a half-month YYYY-MM-H1 or YYYY-MM-H2' })
  bulletin?: string;

  @ApiPropertyOptional({ example: ['XF-2022-0001'], description: 'existing matters it is grounded on' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(ID, { each: true, message: 'each must be a matter id' })
  matters?: string[];
}

/** 约谈 / 通报批评: an accountability action against a unit or an official. */
export class AccountabilityDto extends OccurredAtDto {
  @ApiProperty({ enum: ACCOUNTABILITY_KINDS, example: 'summons' })
  @IsIn(ACCOUNTABILITY_KINDS)
  kind!: AccountabilityKind;

  @ApiProperty({ example: 'town-a', description: 'the unit concerned (a registered unit code)' })
  @Matches(ID, { message: 'must be a unit code' })
  unit!: string;

  @ApiPropertyOptional({ example: '镇长 王某', description: 'the official summoned, if any' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  person?: string;

  @ApiProperty({ type: GroundsDto, description: 'at least one of ranking, bulletin, matters' })
  @IsObject()
  @ValidateNested()
  @Type(() => GroundsDto)
  grounds!: GroundsDto;
}
