import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { ASSIGNMENT_MODES, AssignmentMode } from '@app/domain';
import { OccurredAtDto } from '../matter-fields.dto';

export class AssignmentDto extends OccurredAtDto {
  @ApiProperty({ example: 'dept-housing' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a unit code' })
  unit!: string;

  @ApiProperty({ enum: ASSIGNMENT_MODES, example: 'transfer' })
  @IsIn(ASSIGNMENT_MODES)
  mode!: AssignmentMode;
}
