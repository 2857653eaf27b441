import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { OccurredAtDto } from '../matter-fields.dto';

export class OwnerDto extends OccurredAtDto {
  @ApiProperty({ example: '市委副书记 张' })
  @IsString()
  @Length(1, 200)
  leader!: string;
}
