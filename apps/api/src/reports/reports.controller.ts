import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClockSettings, daysBetween, localDateOf, rangePeriod } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { overviewReport, OverviewReport } from '@app/projections';
import { badRequest } from '../http/problem';
import { CLOCK_SETTINGS } from '../read-models/clock-settings';
import { ReadModels } from '../read-models/read-models.service';
import { OverviewQueryDto } from './overview-query.dto';

/** A work report covers at most this many days (three years); longer ones are refused rather than slow. */
export const MAX_REPORT_DAYS = 1096;
/** The comparison reaches one year further back, so dates must leave room for it. */
const MIN_YEAR = 1001;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
  ) {}

  /**
   * Section 一 of the work report for any dates, against the same dates one year
   * earlier. With `asOf=P` the answer is as if the ledger ended at position P: the
   * fact tables are filtered on the positions of the events that made their rows.
   */
  @Get('overview')
  @ApiOkResponse({ description: 'API.md `GET /reports/overview`' })
  async overview(
    @Query() query: OverviewQueryDto,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): void },
  ): Promise<OverviewReport> {
    const period = rangePeriod(query.from, query.to);
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
    let position = await this.readModels.ready();
    if (query.asOf !== undefined) {
      const asOf = BigInt(query.asOf);
      const head = (await this.store.head()).position;
      if (asOf > head) {
        throw badRequest(`asOf ${asOf} is beyond the ledger's last position ${head}`, [
          { field: 'asOf', message: 'beyond the ledger' },
        ]);
      }
      // The read models must have applied P before a filter on P means anything.
      await this.readModels.ready(asOf);
      position = asOf;
    }
    res.setHeader('X-Ledger-Position', position.toString());
    const today = localDateOf(new Date().toISOString(), this.settings.timeZone);
    return overviewReport(this.readModels.db, { from, to }, position, today);
  }
}
