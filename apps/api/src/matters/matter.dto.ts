import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ASSIGNMENT_MODES,
  AssignmentMode,
  CATEGORIES,
  Category,
  Channel,
  CHANNELS,
  CORRECTABLE_FIELDS,
  CorrectableField,
  EVALUATION_RESULTS,
  EvaluationResult,
  Level,
  LEVELS,
  REPLY_OUTCOMES,
  ReplyOutcome,
  REVIEW_STAGES,
  ReviewStage,
  Source,
  SOURCES,
} from '@app/domain';
import { ReadQueryDto } from '../read-models/read-query.dto';

/** ISO-8601 instant with an offset (Z or ±hh:mm); one without an offset is refused. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = 'must be an ISO-8601 instant with an offset, e.g. 2022-04-03T09:30:00+08:00';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class OccurredAtDto {
  @ApiPropertyOptional({
    example: '2022-04-03T09:30:00+08:00',
    description: 'when it happened; default now; may be back-dated, never in the future',
  })
  @IsOptional()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  occurredAt?: string;
}

export class ContactDto extends OccurredAtDto {
  @ApiProperty({ enum: CHANNELS, example: 'visit' })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiPropertyOptional({ enum: LEVELS, example: 'city', default: 'city' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ enum: SOURCES, description: 'only for online contacts, and required for them' })
  @IsOptional()
  @IsIn(SOURCES)
  source?: Source;

  @ApiPropertyOptional({ example: 12, default: 1, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  headcount?: number;
}

export class PetitionerDto {
  @ApiPropertyOptional({ example: '张三' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: '11010119900307123X' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  idNumber?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  phone?: string;

  @ApiPropertyOptional({ example: '城关镇某村' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;
}

export class OpenMatterDto {
  @ApiPropertyOptional({ example: 'XF-2022-0001', description: '^[A-Za-z0-9_-]{1,64}$, else generated' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, - or _' })
  id?: string;

  @ApiProperty({ enum: CATEGORIES, example: 'labour_social_security' })
  @IsIn(CATEGORIES)
  category!: Category;

  @ApiPropertyOptional({ example: '紫悦华府', description: 'the project, employer or place it is about' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subject?: string;

  @ApiProperty({ example: 'town-chengguan' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a unit code' })
  responsibleUnit!: string;

  @ApiProperty({ example: '反映拖欠农民工工资问题' })
  @IsString()
  @Length(1, 4000)
  summary!: string;

  @ApiPropertyOptional({ type: [PetitionerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PetitionerDto)
  petitioners?: PetitionerDto[];

  @ApiProperty({ type: ContactDto })
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;
}

export class RecordContactDto {
  @ApiProperty({ type: ContactDto })
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;
}

export class AssignmentDto extends OccurredAtDto {
  @ApiProperty({ example: 'dept-housing' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a unit code' })
  unit!: string;

  @ApiProperty({ enum: ASSIGNMENT_MODES, example: 'transfer' })
  @IsIn(ASSIGNMENT_MODES)
  mode!: AssignmentMode;
}

export class AcceptanceDto extends OccurredAtDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  accepted!: boolean;

  @ApiPropertyOptional({ description: 'required when not accepted' })
  @ValidateIf((o: AcceptanceDto) => o.accepted === false || o.reason !== undefined)
  @IsString()
  @Length(1, 4000)
  reason?: string;
}

export class RemitReturnDto extends OccurredAtDto {
  @ApiProperty({ example: '不属于本单位职权范围' })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}

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

export class ExtensionDto extends OccurredAtDto {
  @ApiProperty({ minimum: 1, maximum: 30, example: 30 })
  @IsInt()
  @Min(1)
  @Max(30)
  days!: number;

  @ApiProperty({ example: '案情复杂，需进一步调查' })
  @IsString()
  @Length(1, 4000)
  reason!: string;

  @ApiProperty({ example: '副市长 李' })
  @IsString()
  @Length(1, 200)
  approvedBy!: string;
}

export class ReplyDto extends OccurredAtDto {
  @ApiProperty({ enum: REPLY_OUTCOMES, example: 'supported' })
  @IsIn(REPLY_OUTCOMES)
  outcome!: ReplyOutcome;

  @ApiProperty({ example: '已督促企业支付工资' })
  @IsString()
  @Length(1, 4000)
  note!: string;
}

export class EvaluationDto extends OccurredAtDto {
  @ApiProperty({ enum: EVALUATION_RESULTS, example: 'satisfied' })
  @IsIn(EVALUATION_RESULTS)
  result!: EvaluationResult;
}

export class ReviewRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: REVIEW_STAGES, example: 'review' })
  @IsIn(REVIEW_STAGES)
  stage!: ReviewStage;
}

export class ReviewDecisionDto extends OccurredAtDto {
  @ApiProperty({ enum: REVIEW_STAGES, example: 'review' })
  @IsIn(REVIEW_STAGES)
  stage!: ReviewStage;

  @ApiProperty({ example: 'upheld' })
  @IsString()
  @Length(1, 200)
  outcome!: string;

  @ApiProperty({ example: '维持原处理意见' })
  @IsString()
  @Length(1, 4000)
  note!: string;
}

export class ResolutionDto extends OccurredAtDto {
  @ApiProperty({ example: '工资已足额发放，群众息诉罢访' })
  @IsString()
  @Length(1, 4000)
  note!: string;
}

export class OwnerDto extends OccurredAtDto {
  @ApiProperty({ example: '市委副书记 张' })
  @IsString()
  @Length(1, 200)
  leader!: string;
}

export class CorrectionDto {
  @ApiProperty({ enum: CORRECTABLE_FIELDS, example: 'category' })
  @IsIn(CORRECTABLE_FIELDS)
  field!: CorrectableField;

  @ApiProperty({
    type: String,
    example: 'urban_rural_construction',
    nullable: true,
    description: 'null only clears subject',
  })
  @ValidateIf((o: CorrectionDto) => o.value !== null)
  @IsString()
  @Length(1, 4000)
  value!: string | null;

  @ApiProperty({ example: '登记时类别选错' })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}

export class ErasureDto {
  @ApiProperty({ example: '保存期限届满' })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}

export class ListMattersQueryDto extends ReadQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,64}$/) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) status?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) overdue?: string;
  @ApiPropertyOptional({ example: '2022-01-01' })
  @IsOptional()
  @Matches(DATE, { message: 'must be YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2022-06-30' })
  @IsOptional()
  @Matches(DATE, { message: 'must be YYYY-MM-DD' })
  to?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) subject?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Matches(/^\d{1,3}$/) limit?: string;
}
