import { Inject, Injectable } from '@nestjs/common';
import { parseHalfMonth, parseMonth, parseWeek, Period, PeriodError, Result } from '@app/domain';
import { ReportPoint } from '@app/projections';
import { Clock, CLOCK } from '@app/runtime';
import { badRequest } from '../http/problem';
import { ReportPosition } from '../reports/report-position';

/** A report computed at a point, with that point: the controller stamps `X-Ledger-Position` from it. */
export interface Reported<T> {
  readonly point: ReportPoint;
  readonly body: T;
}

/** The periods a rhythm report is asked for, and the request field each comes in. */
const PERIODS = {
  week: { parse: parseWeek, field: 'week' },
  ranking: { parse: parseMonth, field: 'month' },
  bulletin: { parse: parseHalfMonth, field: 'halfMonth' },
} as const satisfies Record<string, { parse: (id: string) => Result<Period, PeriodError>; field: string }>;

/** A period from the path (`2022-W14`, `2022-04`, `2022-04-H1`); 400 naming the field when malformed. */
export function parseReportPeriod(kind: keyof typeof PERIODS, id: string): Period {
  const parsed = PERIODS[kind].parse(id);
  if (!parsed.ok)
    throw badRequest(parsed.error.message, [{ field: PERIODS[kind].field, message: parsed.error.message }]);
  return parsed.value;
}

/** Where a report is computed: the reports' ledger position (`asOf` checked against the ledger), and today by the clock. */
@Injectable()
export class ReportPoints {
  constructor(
    private readonly position: ReportPosition,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async at(asOf?: string): Promise<ReportPoint> {
    return { asOf: await this.position.at(asOf), today: this.clock.today() };
  }
}
