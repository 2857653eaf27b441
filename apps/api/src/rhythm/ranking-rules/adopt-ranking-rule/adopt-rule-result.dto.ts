import { ApiProperty } from '@nestjs/swagger';
import { WriteResultDto } from '../../../http/openapi';
import type { AdoptRuleResult } from './adopt-ranking-rule.command';

/** The 201 of `POST /ranking-rules`: the write, the version adopted and the first month it ranks. */
export class AdoptRuleResultDto extends WriteResultDto implements AdoptRuleResult {
  @ApiProperty({ type: 'integer', example: 2 })
  version!: number;

  @ApiProperty({ example: '2022-05', description: 'YYYY-MM: the month after the day of adoption' })
  inForceFrom!: string;
}
