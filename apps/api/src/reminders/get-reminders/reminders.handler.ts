import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClockSettings, parseLocalDate } from '@app/domain';
import { Clock, CLOCK, CLOCK_SETTINGS } from '@app/runtime';
import { unitScope } from '@app/security';
import { badRequest } from '../../http/problem';
import { ReadModels } from '../../read-models/read-models.service';
import { digestsFor } from '../reminder-job';
import { unitNames } from '../unit-names';
import { GetRemindersQuery, RemindersAnswer } from './reminders.query';

/**
 * The same digests the daily job sends, computed for any date from the read model: a
 * handler sees only its own units; every other role sees every unit (and the bureau's
 * own duties), each with the leaders owning its matters.
 */
@QueryHandler(GetRemindersQuery)
export class GetRemindersHandler implements IQueryHandler<GetRemindersQuery, RemindersAnswer> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
  ) {}

  async execute({ date: given, principal }: GetRemindersQuery): Promise<RemindersAnswer> {
    let date = this.clock.today();
    if (given !== undefined) {
      const parsed = parseLocalDate(given);
      if (!parsed.ok)
        throw badRequest(`date: ${parsed.error.message}`, [{ field: 'date', message: 'must be a date YYYY-MM-DD' }]);
      date = parsed.value;
    }
    const position = await this.readModels.ready();
    const db = this.readModels.db;
    const units = unitScope(principal);
    const name = unitNames(db);
    const digests = digestsFor(db, position, date, this.settings.calendar, units);
    return { date, asOf: position.toString(), units: digests.map((d) => ({ ...d, name: name(d.unit) })) };
  }
}
