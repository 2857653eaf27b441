import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, Matches } from 'class-validator';
import { UNIT_CODE } from '../register-principal/register-principal.dto';

export class ChangeUnitsDto {
  @ApiProperty({
    example: ['town-chengbei'],
    description: 'the unit codes the handler acts for from now on (replacing the previous ones)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(UNIT_CODE, { each: true, message: 'each must be a unit code' })
  units!: string[];
}
