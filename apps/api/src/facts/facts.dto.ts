import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ACCOUNTABILITY_KINDS,
  AccountabilityKind,
  CAMPAIGN_ASSIGNERS,
  CampaignAssigner,
  MEETING_KINDS,
  MeetingKind,
} from '@app/domain';
import { OccurredAtDto } from '../matters/matter.dto';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ID_MESSAGE = 'must be 1-64 letters, digits, - or _';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date YYYY-MM-DD';
/** Counts of one record: generous, but a typo of three extra zeros is refused. */
const MAX_COUNT = 1_000_000;

function Count(description: string, example: number): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ description, example, minimum: 0, maximum: MAX_COUNT })(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(MAX_COUNT)(target, key);
  };
}

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

/** 社会稳定风险评估 of a project. */
export class RiskAssessmentDto extends OccurredAtDto {
  @ApiProperty({ example: '城北棚户区改造项目' })
  @IsString()
  @Length(1, 200)
  project!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  passed!: boolean;
}

export class CampaignTargetDto {
  @ApiProperty({ example: '2022-06-30', description: 'the date by which the rate is to be reached' })
  @Matches(DATE, { message: DATE_MESSAGE })
  by!: string;

  @ApiProperty({ example: 80, description: 'percent of the campaign’s cases resolved by then, in (0, 100]' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  rate!: number;
}

/** 积案化解: a backlog campaign with dated resolution targets; stream `campaign-<id>`. */
export class CampaignDto extends OccurredAtDto {
  @ApiProperty({ example: 'backlog-2022', description: '^[A-Za-z0-9_-]{1,64}$' })
  @Matches(ID, { message: ID_MESSAGE })
  id!: string;

  @ApiProperty({ example: '重复信访积案专项治理' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    type: [CampaignTargetDto],
    example: [
      { by: '2022-06-30', rate: 80 },
      { by: '2022-07-31', rate: 90 },
    ],
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CampaignTargetDto)
  targets!: CampaignTargetDto[];
}

/** A matter assigned to the campaign by a higher level. */
export class CampaignCaseDto extends OccurredAtDto {
  @ApiProperty({ example: 'XF-2021-0042', description: 'an existing matter' })
  @Matches(ID, { message: ID_MESSAGE })
  matterId!: string;

  @ApiProperty({ enum: CAMPAIGN_ASSIGNERS, example: 'province' })
  @IsIn(CAMPAIGN_ASSIGNERS)
  assignedBy!: CampaignAssigner;
}

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

export class GroundsDto {
  @ApiPropertyOptional({ example: '2022-04', description: 'the monthly ranking (YYYY-MM) it is grounded on' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM' })
  ranking?: string;

  @ApiPropertyOptional({
    example: '2022-04-H1',
    description: 'the half-month bulletin (YYYY-MM-H1|H2) it is grounded on',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-H[12]$/, { message: 'must be a half-month YYYY-MM-H1 or YYYY-MM-H2' })
  bulletin?: string;

  @ApiPropertyOptional({ example: ['XF-2022-0001'], description: 'existing matters it is grounded on' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(ID, { each: true, message: 'each must be a matter id' })
  matters?: string[];
}

/** 约谈 / 通报批评: an accountability action against a unit or an official. */
export class AccountabilityDto extends OccurredAtDto {
  @ApiProperty({ enum: ACCOUNTABILITY_KINDS, example: 'summons' })
  @IsIn(ACCOUNTABILITY_KINDS)
  kind!: AccountabilityKind;

  @ApiProperty({ example: 'town-a', description: 'the unit concerned (a registered unit code)' })
  @Matches(ID, { message: 'must be a unit code' })
  unit!: string;

  @ApiPropertyOptional({ example: '镇长 王某', description: 'the official summoned, if any' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  person?: string;

  @ApiProperty({ type: GroundsDto, description: 'at least one of ranking, bulletin, matters' })
  @IsObject()
  @ValidateNested()
  @Type(() => GroundsDto)
  grounds!: GroundsDto;
}
