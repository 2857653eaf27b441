import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { INDICATOR_DIRECTIONS, MAX_FLAG_BOTTOM, MAX_WEIGHT, RANKING_INDICATORS, UNIT_KINDS } from '@app/domain';
import type { IndicatorDirection, RankingIndicator, UnitKind } from '@app/domain';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export class RuleIndicatorDto {
  @ApiProperty({ enum: RANKING_INDICATORS, example: 'onTime', description: 'a process rate; volumes cannot be scored' })
  @IsIn(RANKING_INDICATORS)
  key!: RankingIndicator;

  @ApiProperty({
    example: 30,
    minimum: 0,
    maximum: MAX_WEIGHT,
    description: 'whole number; 0 shows the indicator without scoring it',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_WEIGHT)
  weight!: number;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS, example: 'higher_is_better' })
  @IsIn(INDICATOR_DIRECTIONS)
  direction!: IndicatorDirection;

  @ApiProperty({
    example: 5,
    minimum: 1,
    description: 'a unit with fewer cases on a scored indicator is "too few to rank"',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minDenominator!: number;
}

export class PeerGroupDto {
  @ApiProperty({ example: 'towns' })
  @Matches(ID, { message: 'must be 1-64 letters, digits, - or _' })
  id!: string;

  @ApiProperty({ example: '镇办' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS, isArray: true, example: ['town'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(UNIT_KINDS, { each: true })
  kinds!: UnitKind[];
}

/** A version of a ranking rule; it is in force for the months that begin after it is adopted. */
export class RankingRuleDto {
  @ApiProperty({ example: 'city-2022', description: 'the rule id; versions of one id follow each other' })
  @Matches(ID, { message: 'must be 1-64 letters, digits, - or _' })
  id!: string;

  @ApiProperty({ example: 1, description: 'the previous version + 1 (the shipped `default` is version 1)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;

  @ApiProperty({ example: '2022年度镇办和市直部门信访工作排名规则' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ type: [RuleIndicatorDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RANKING_INDICATORS.length)
  @ValidateNested({ each: true })
  @Type(() => RuleIndicatorDto)
  indicators!: RuleIndicatorDto[];

  @ApiProperty({ type: [PeerGroupDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(UNIT_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => PeerGroupDto)
  peerGroups!: PeerGroupDto[];

  @ApiPropertyOptional({
    example: 1,
    minimum: 0,
    maximum: MAX_FLAG_BOTTOM,
    description: 'lowest-ranked units per group flagged for accountability (default 0)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FLAG_BOTTOM)
  flagBottom?: number;
}
