import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ReportQueryDto } from '../read-models/read-query.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `from`, `to` and the read parameters of every report over a range of days (overview, work report). */
export class ReportPeriodQueryDto extends ReportQueryDto {
  @ApiProperty({ example: '2022-01-01', description: 'first day of the period (YYYY-MM-DD, business time zone)' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2022-06-30', description: 'last day of the period, inclusive' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  to!: string;
}
