import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

export class IssueTokenDto {
  @ApiPropertyOptional({
    example: '2027-06-30T18:00:00+08:00',
    description: 'the new token is refused (401) from this instant on; absent: it does not expire',
  })
  @IsOptional()
  @IsString()
  expiresAt?: string;
}
