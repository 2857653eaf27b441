import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { OccurredAtDto } from '../../matters/matter-fields.dto';
import { Count } from '../fact-fields.dto';

/** 领导接访: a leader's reception of petitioners on one occasion. */
export class ReceptionDto extends OccurredAtDto {
  @ApiProperty({ example: '市委书记', description: 'the leader (name or office) who received the petitioners' })
  @IsString()
  @Length(1, 200)
  leader!: string;

  @Count('batches (批次) received', 3)
  batches!: number;

  @Count('persons (人次) received; at least one per batch', 14)
  persons!: number;

  @Count('batches resolved on the spot (现场处理)', 1)
  resolvedOnSiteBatches!: number;

  @Count('persons of the batches resolved on the spot', 10)
  resolvedOnSitePersons!: number;
}
