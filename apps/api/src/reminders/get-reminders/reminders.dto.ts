import { ApiProperty } from '@nestjs/swagger';
import { CATEGORIES } from '@app/domain';

/** One line of a digest, for the OpenAPI document: ids, category, limit and days left, nothing about the petitioner. */
export class ReminderItemDto {
  @ApiProperty({ example: 'XF20220301-0001' })
  matterId!: string;

  @ApiProperty({ example: 'reply', description: 'the statutory step whose limit this is' })
  step!: string;

  @ApiProperty({ enum: CATEGORIES, example: 'labour_social_security' })
  category!: string;

  @ApiProperty({ example: '2022-05-05', description: 'the last day of the limit (business time zone)' })
  lastDay!: string;

  @ApiProperty({ example: 6, description: 'calendar days from the date to the last day: 0 today, negative overdue' })
  daysLeft!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '市委书记 王建国',
    description: 'the leader owning the matter (包案)',
  })
  owner!: string | null;
}

export class UnitReminderDto {
  @ApiProperty({ example: 'dept-housing', description: 'unit code; `bureau` for the bureau’s own duties' })
  unit!: string;

  @ApiProperty({ example: '住建局' })
  name!: string;

  @ApiProperty({ example: '2022-04-29' })
  date!: string;

  @ApiProperty({ type: [ReminderItemDto] })
  dueToday!: ReminderItemDto[];

  @ApiProperty({ type: [ReminderItemDto], description: 'due within the next 3 working days' })
  dueSoon!: ReminderItemDto[];

  @ApiProperty({ type: [ReminderItemDto] })
  overdue!: ReminderItemDto[];

  @ApiProperty({ type: [String], description: 'the leaders owning any of the listed matters' })
  owners!: string[];
}

export class RemindersDto {
  @ApiProperty({ example: '2022-04-29' })
  date!: string;

  @ApiProperty({ example: '41710', description: 'the ledger position the duties are known at' })
  asOf!: string;

  @ApiProperty({ type: [UnitReminderDto] })
  units!: UnitReminderDto[];
}
