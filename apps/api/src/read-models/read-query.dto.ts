import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** Query parameters every read accepts; query DTOs extend it so the whitelist lets them through. */
export class ReadQueryDto {
  @ApiPropertyOptional({
    description: 'answer once the read model has applied this ledger position (else 503)',
    example: '42',
  })
  @IsOptional()
  @Matches(/^\d{1,30}$/, { message: 'must be a ledger position (digits)' })
  minPosition?: string;
}

/** Report endpoints also answer "as known at" a position. */
export class ReportQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'answer as if the ledger ended at this position', example: '1000' })
  @IsOptional()
  @Matches(/^\d{1,30}$/, { message: 'must be a ledger position (digits)' })
  asOf?: string;
}
