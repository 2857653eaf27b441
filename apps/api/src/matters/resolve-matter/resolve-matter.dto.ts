import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { OccurredAtDto } from '../matter-fields.dto';

export class ResolutionDto extends OccurredAtDto {
  @ApiProperty({ example: '工资已足额发放，群众息诉罢访' })
  @IsString()
  @Length(1, 4000)
  note!: string;
}
