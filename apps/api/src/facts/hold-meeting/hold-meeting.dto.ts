import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { MEETING_KINDS, MeetingKind } from '@app/domain';
import { OccurredAtDto } from '../../matters/matter-fields.dto';
import { ID, ID_MESSAGE, DATE, DATE_MESSAGE } from '../fact-fields.dto';

export class MeetingDecisionDto {
  @ApiProperty({ example: 'XF-2022-0001', description: 'an existing matter' })
  @Matches(ID, { message: ID_MESSAGE })
  matterId!: string;

  @ApiProperty({ example: '三日内入户走访，核实欠薪数额' })
  @IsString()
  @Length(1, 4000)
  decision!: string;

  @ApiProperty({ example: 'town-a', description: 'the unit that must act (a registered unit code)' })
  @Matches(ID, { message: 'must be a unit code' })
  unit!: string;

  @ApiProperty({ example: '2022-04-08' })
  @Matches(DATE, { message: DATE_MESSAGE })
  dueBy!: string;
}

/** 周研判会 and other meetings, with the decisions taken on matters; stream `meeting-<id>`. */
export class MeetingDto extends OccurredAtDto {
  @ApiPropertyOptional({ example: '2022-W14', description: '^[A-Za-z0-9_-]{1,64}$, else generated' })
  @IsOptional()
  @Matches(ID, { message: ID_MESSAGE })
  id?: string;

  @ApiProperty({ enum: MEETING_KINDS, example: 'weekly_judgment' })
  @IsIn(MEETING_KINDS)
  kind!: MeetingKind;

  @ApiProperty({ example: '市委书记' })
  @IsString()
  @Length(1, 200)
  chair!: string;

  @ApiProperty({ type: [MeetingDecisionDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => MeetingDecisionDto)
  decisions!: MeetingDecisionDto[];
}
