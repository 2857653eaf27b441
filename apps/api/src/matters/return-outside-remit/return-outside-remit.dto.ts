import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { OccurredAtDto } from '../matter-fields.dto';

export class RemitReturnDto extends OccurredAtDto {
  @ApiProperty({ example: '不属于本单位职权范围' })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}
