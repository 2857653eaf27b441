import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ErasureDto {
  @ApiProperty({ example: '保存期限届满' })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}
