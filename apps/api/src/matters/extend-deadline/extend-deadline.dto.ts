import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { OccurredAtDto } from '../matter-fields.dto';

export class ExtensionDto extends OccurredAtDto {
  @ApiProperty({ minimum: 1, maximum: 30, example: 30 })
  @IsInt()
  @Min(1)
  @Max(30)
  days!: number;

  @ApiProperty({ example: '案情复杂，需进一步调查' })
  @IsString()
  @Length(1, 4000)
  reason!: string;

  @ApiProperty({ example: '副市长 李' })
  @IsString()
  @Length(1, 200)
  approvedBy!: string;
}
