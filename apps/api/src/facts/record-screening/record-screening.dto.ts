import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OccurredAtDto } from '../../matters/matter-fields.dto';
import { ID, Count } from '../fact-fields.dto';

/** 矛盾纠纷排查: what a unit's screening found and defused. */
export class ScreeningDto extends OccurredAtDto {
  @ApiProperty({ example: 'town-a', description: 'the unit that screened (a registered unit code)' })
  @Matches(ID, { message: 'must be a unit code' })
  unit!: string;

  @Count('disputes found', 40)
  found!: number;

  @Count('disputes resolved; at most those found', 33)
  resolved!: number;
}
