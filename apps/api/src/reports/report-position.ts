import { Inject, Injectable } from '@nestjs/common';
import { DateRange, daysBetween, rangePeriod } from '@app/domain';
import { EVENT_STORE, EventStore, Position } from '@app/ledger';
import { badRequest } from '../http/problem';
import { ReadModels } from '../read-models/read-models.service';

/** A work report covers at most this many days (three years); longer ones are refused rather than slow. */
export const MAX_REPORT_DAYS = 1096;
/** The comparison reaches one year further back, so dates must leave room for it. */
const MIN_YEAR = 1001;

/** The period a report request names, checked: 400 with the field at fault otherwise. */
export function reportPeriod(fromDate: string, toDate: string): DateRange {
  const period = rangePeriod(fromDate, toDate);
  if (!period.ok) {
    const field = /^to:/.test(period.error.message) ? 'to' : 'from';
    throw badRequest(period.error.message, [{ field, message: period.error.message }]);
  }
  const { from, to } = period.value;
  if (Number(from.slice(0, 4)) < MIN_YEAR)
    throw badRequest(`from must be in the year ${MIN_YEAR} or later`, [{ field: 'from', message: 'too early' }]);
  if (daysBetween(from, to) + 1 > MAX_REPORT_DAYS) {
    throw badRequest(`a report covers at most ${MAX_REPORT_DAYS} days`, [
      { field: 'to', message: `at most ${MAX_REPORT_DAYS} days after from` },
    ]);
  }
  return { from, to };
}

/**
 * The ledger position a report answers at: the read models' position, or `asOf`
 * (which must not lie beyond the ledger). The fact tables are filtered on the
 * positions of the events that made their rows, so the read models must have
 * applied `asOf` before the filter means anything.
 */
@Injectable()
export class ReportPosition {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async at(asOfParam: string | undefined): Promise<Position> {
    const position = await this.readModels.ready();
    if (asOfParam === undefined) return position;
    const asOf = BigInt(asOfParam);
    const head = (await this.store.head()).position;
    if (asOf > head) {
      throw badRequest(`asOf ${asOf} is beyond the ledger's last position ${head}`, [
        { field: 'asOf', message: 'beyond the ledger' },
      ]);
    }
    await this.readModels.ready(asOf);
    return asOf;
  }
}
