import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATEGORIES,
  Category,
  Channel,
  CHANNELS,
  ContactSummary,
  Level,
  LEVELS,
  LimitKind,
  MatterStatus,
  Source,
  SOURCES,
  StatutoryStep,
} from '@app/domain';
import type { MatterListItem, MatterListPage } from './list-matters/list-matters.query';
import type { MatterView, PetitionerView } from './matter-view';
import type { MatterTimelineEntry } from './matter-timeline/matter-timeline.query';

/** The read responses of matters as the OpenAPI document describes them (a client generator's types). */

// Records over the domain's unions: a status or step added there and not here fails to compile.
const STATUSES: Record<MatterStatus, true> = {
  registered: true,
  assigned: true,
  returned: true,
  not_accepted: true,
  accepted: true,
  replied: true,
  under_review: true,
  reviewed: true,
  under_re_review: true,
  final: true,
};
const STEPS: Record<StatutoryStep, true> = {
  transfer: true,
  acceptance: true,
  reply: true,
  review_request: true,
  review_decision: true,
  re_review_request: true,
  re_review_decision: true,
  remit_return: true,
};
const LIMIT_KINDS: Record<LimitKind, true> = { duty: true, window: true };
const DATE = { format: 'date', example: '2022-04-08' };

export class MatterListItemDto implements MatterListItem {
  @ApiProperty({ example: 'XF-2022-0001' })
  id!: string;

  @ApiProperty({ type: 'integer', example: 3 })
  revision!: number;

  @ApiProperty({ enum: Object.keys(STATUSES), example: 'accepted' })
  status!: MatterStatus;

  @ApiProperty({ enum: CATEGORIES })
  category!: Category;

  @ApiProperty({ type: String, nullable: true, example: '紫悦华府' })
  subject!: string | null;

  @ApiProperty({ example: 'town-chengguan' })
  responsibleUnit!: string;

  @ApiProperty({ type: String, nullable: true, example: 'dept-housing' })
  assignedUnit!: string | null;

  @ApiProperty({ example: '2022-04-03T09:30:00+08:00' })
  openedAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '副市长 张',
    description: 'the leader who owns the matter (包案)',
  })
  owner!: string | null;

  @ApiProperty({ description: 'resolved (化解)' })
  resolved!: boolean;
}

export class MatterListPageDto implements MatterListPage {
  @ApiProperty({ type: [MatterListItemDto] })
  items!: MatterListItemDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

export class PetitionerViewDto implements PetitionerView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: String, nullable: true, example: '张**', description: 'null when withheld or erased' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '110101********123X' })
  idNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '138****5678' })
  phone!: string | null;

  @ApiProperty({
    enum: ['full', 'masked', 'withheld', 'erased'],
    description: 'how much of the identity the caller sees',
  })
  visibility!: PetitionerView['visibility'];
}

export class ContactSummaryDto implements ContactSummary {
  @ApiProperty({ example: '2022-04-03T09:30:00+08:00' })
  occurredAt!: string;

  @ApiProperty({ enum: CHANNELS })
  channel!: Channel;

  @ApiProperty({ enum: LEVELS })
  level!: Level;

  @ApiProperty({ enum: SOURCES, nullable: true, type: String })
  source!: Source | null;

  @ApiProperty({ type: 'integer', example: 12 })
  headcount!: number;

  @ApiProperty({ description: 'five or more people: a collective visit' })
  collective!: boolean;

  @ApiProperty({ description: 'a further contact on the same matter' })
  repeat!: boolean;
}

export class DeadlineDto {
  @ApiProperty({ enum: Object.keys(STEPS) })
  step!: StatutoryStep;

  @ApiProperty({ enum: Object.keys(LIMIT_KINDS), description: 'duty: overdue after lastDay; window: may act until it' })
  kind!: LimitKind;

  @ApiProperty({ type: String, nullable: true, description: 'the unit the limit binds' })
  unit!: string | null;

  @ApiProperty(DATE)
  from!: string;

  @ApiProperty(DATE)
  lastDay!: string;

  @ApiProperty({ ...DATE, type: String, nullable: true, description: 'the day the step was done, if it was' })
  met!: string | null;

  @ApiPropertyOptional({ type: 'integer', description: 'days added by an approved extension' })
  extendedBy?: number;

  @ApiPropertyOptional({ type: [Number], description: 'years the official calendar does not know' })
  assumedYears?: number[];

  @ApiPropertyOptional()
  note?: string;
}

export class MatterViewDto extends MatterListItemDto implements Omit<MatterView, 'deadlineDetails' | 'contacts'> {
  @ApiProperty({ example: '反映拖欠农民工工资问题' })
  summary!: string;

  @ApiProperty({ type: [PetitionerViewDto] })
  petitioners!: PetitionerViewDto[];

  @ApiProperty({ type: [ContactSummaryDto] })
  contacts!: ContactSummaryDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', format: 'date' },
    example: { reply: '2022-05-23' },
    description: 'each running limit (by step) with its last day',
  })
  deadlines!: Record<string, string>;

  @ApiProperty({ type: [DeadlineDto], description: 'every limit, met or running' })
  deadlineDetails!: DeadlineDto[];

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ enum: Object.keys(STEPS), isArray: true })
  overdueSteps!: StatutoryStep[];

  @ApiProperty({ type: String, nullable: true })
  resolvedAt!: string | null;
}

class ActorDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: 'registrar' })
  role!: string;
}

export class MatterTimelineEntryDto implements MatterTimelineEntry {
  @ApiProperty({ example: '12', pattern: '^\\d+$' })
  position!: string;

  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty({ example: 'MatterOpened' })
  type!: string;

  @ApiProperty()
  occurredAt!: string;

  @ApiProperty()
  recordedAt!: string;

  @ApiProperty({ type: ActorDto })
  actor!: ActorDto;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the event’s data' })
  data!: Record<string, unknown>;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'its audit leaf hash' })
  hash!: string;
}
