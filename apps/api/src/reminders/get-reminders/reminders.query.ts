import { Query } from '@nestjs/cqrs';
import type { LocalDate, UnitDigest } from '@app/domain';
import type { Principal } from '@app/security';

export interface UnitReminder extends UnitDigest {
  /** The unit's name (信访局 for the bureau's own duties, listed under `bureau`). */
  readonly name: string;
}

export interface RemindersAnswer {
  readonly date: LocalDate;
  /** The ledger position the duties are known at. */
  readonly asOf: string;
  readonly units: readonly UnitReminder[];
}

/** GET /reminders/{date}: 日提醒, each unit's duties due that day, within 3 working days, and overdue. */
export class GetRemindersQuery extends Query<RemindersAnswer> {
  constructor(
    /** YYYY-MM-DD; undefined: today in business time. */
    readonly date: string | undefined,
    readonly principal: Principal,
  ) {
    super();
  }
}
