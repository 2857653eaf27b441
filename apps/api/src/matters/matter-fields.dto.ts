// The fields several matter requests share; each request's own DTO lives in its use-case folder.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Channel, CHANNELS, Level, LEVELS, Source, SOURCES } from '@app/domain';

/** ISO-8601 instant with an offset (Z or ±hh:mm); one without an offset is refused. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = 'must be an ISO-8601 instant with an offset, e.g. 2022-04-03T09:30:00+08:00';
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class OccurredAtDto {
  @ApiPropertyOptional({
    example: '2022-04-03T09:30:00+08:00',
    description: 'when it happened; default now; may be back-dated, never in the future',
  })
  @IsOptional()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  occurredAt?: string;
}

export class ContactDto extends OccurredAtDto {
  @ApiProperty({ enum: CHANNELS, example: 'visit' })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiPropertyOptional({ enum: LEVELS, example: 'city', default: 'city' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ enum: SOURCES, description: 'only for online contacts, and required for them' })
  @IsOptional()
  @IsIn(SOURCES)
  source?: Source;

  @ApiPropertyOptional({ example: 12, default: 1, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  headcount?: number;
}

export class PetitionerDto {
  @ApiPropertyOptional({ example: '张三' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: '11010119900307123X' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  idNumber?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  phone?: string;

  @ApiPropertyOptional({ example: '城关镇某村' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;
}
