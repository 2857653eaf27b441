import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ReadQueryDto } from '../read-models/read-query.dto';

const DIGITS = /^\d{1,16}$/;
const digits = { message: 'must be a non-negative integer' };

export class InclusionProofQueryDto extends ReadQueryDto {
  @ApiProperty({ description: 'the leaf: the event’s audit index (0, 1, 2, … in global order)', example: '0' })
  @Matches(DIGITS, digits)
  index!: string;

  @ApiPropertyOptional({
    description: 'tree size the proof is for; default: the latest checkpoint’s size',
    example: '1000',
  })
  @IsOptional()
  @Matches(DIGITS, digits)
  size?: string;
}

export class ConsistencyProofQueryDto extends ReadQueryDto {
  @ApiProperty({ description: 'the older tree size (at least 1)', example: '1000' })
  @Matches(DIGITS, digits)
  from!: string;

  @ApiPropertyOptional({ description: 'the newer tree size; default: the latest checkpoint’s size', example: '2000' })
  @IsOptional()
  @Matches(DIGITS, digits)
  to?: string;
}

export const MAX_EVENTS_PAGE = 10_000;

export class AuditEventsQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'audit index of the first event', default: '0' })
  @IsOptional()
  @Matches(DIGITS, digits)
  fromIndex?: string;

  @ApiPropertyOptional({ description: `at most this many events (1 to ${MAX_EVENTS_PAGE})`, default: '1000' })
  @IsOptional()
  @Matches(DIGITS, digits)
  limit?: string;
}

export class CheckpointsQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'only checkpoints of a larger size than this', default: '0' })
  @IsOptional()
  @Matches(DIGITS, digits)
  afterSize?: string;

  @ApiPropertyOptional({ description: 'at most this many checkpoints (1 to 1000)', default: '1000' })
  @IsOptional()
  @Matches(DIGITS, digits)
  limit?: string;
}
