import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RevokePrincipalDto {
  @ApiProperty({ example: '调离本单位', description: 'why the access ends; recorded in the ledger' })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}
