import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ReportQueryDto } from '../../../read-models/read-query.dto';

export class RankingRulesQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ example: '2022-05', description: 'also say which rule is in force for this month' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: 'must be a month YYYY-MM' })
  month?: string;
}
