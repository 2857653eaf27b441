import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { UPPER_LEVELS, UpperLevel } from '@app/domain';
import { OccurredAtDto } from '../../matters/matter.dto';

/** `POST /matters/{id}/upper-assignments` (上三级交办): the matter was assigned to the city from above. */
export class RecordUpperAssignmentDto extends OccurredAtDto {
  @ApiProperty({
    enum: UPPER_LEVELS,
    example: 'province',
    description: 'who assigned it: the centre, the province or the prefecture',
  })
  @IsIn(UPPER_LEVELS)
  level!: UpperLevel;

  @ApiProperty({ example: '豫信交〔2022〕15号', description: "the assigning document's reference" })
  @IsString()
  @Length(1, 200)
  documentRef!: string;

  @ApiProperty({
    example: '2022-04-30',
    description: "the assigner's due date (YYYY-MM-DD, business time zone); may differ from the statutory limit",
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  dueBy!: string;
}
