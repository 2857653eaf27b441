import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { OccurredAtDto } from '../matter-fields.dto';

export class ActionDto extends OccurredAtDto {
  @ApiProperty({ example: 'site_visit' })
  @IsString()
  @Length(1, 100)
  kind!: string;

  @ApiProperty({ example: '到现场核实情况' })
  @IsString()
  @Length(1, 4000)
  note!: string;
}
