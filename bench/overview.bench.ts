import { computeBulletin, computeRanking, overviewReport } from '@app/projections';
import { parseHalfMonth, parseMonth, unwrap } from '@app/domain';
import { Figure, timed } from './bench-harness';
import { LoadedLog } from './projections.bench';

const RUNS = 20;
const TODAY = '2026-11-27';

/** Runs `work` RUNS times after one warm-up: the total, and the median of one run in ms. */
async function runs(work: () => unknown): Promise<{ seconds: number; p50: number }> {
  work();
  const each: number[] = [];
  for (let i = 0; i < RUNS; i++) each.push((await timed(work)).seconds);
  each.sort((a, b) => a - b);
  return { seconds: each.reduce((a, b) => a + b, 0), p50: each[Math.floor(RUNS / 2)] * 1000 };
}

/**
 * The reports' work on loaded read models, each against a baseline measured on the
 * same file in the same run: one plain aggregate over the same contact rows (count
 * and persons by channel, for both periods of the report), the least a report over
 * those rows must do. Each report is computed at the read models' own position (the
 * current view, which the overview answers from its daily sums) and as known at the
 * position halfway through the log (`asOf`, from the fact rows).
 */
export async function benchOverview(loaded: LoadedLog): Promise<Figure[]> {
  const db = loaded.readModels;
  const head = BigInt(
    db.prepare<[], { position: string }>('SELECT position FROM runner_state WHERE id = 1').get()!.position,
  );
  const half = head / 2n;
  const plain = db.prepare(
    `SELECT channel, COUNT(*) AS n, SUM(headcount) AS persons FROM fact_contacts
     WHERE occurred_on BETWEEN ? AND ? AND position <= ? GROUP BY channel`,
  );
  const baseline = (from: string, to: string, previousFrom: string, previousTo: string) => async () => {
    const base = await runs(() => {
      plain.all(from, to, Number(head));
      plain.all(previousFrom, previousTo, Number(head));
    });
    return base;
  };
  const events = `${loaded.events.toLocaleString('en-US')} events`;
  const label = loaded.label.endsWith(events) ? loaded.label : `${loaded.label} (${events})`;
  const figure = (
    name: string,
    own: { seconds: number; p50: number },
    base: { seconds: number },
    baseName: string,
  ): Figure => ({
    name: `${name}, ${label}`,
    count: RUNS,
    seconds: own.seconds,
    unit: 'reports/s',
    baseline: { name: baseName, count: RUNS, seconds: base.seconds },
    note: `p50 ${own.p50.toFixed(1)} ms per report`,
  });

  const period = { from: '2022-01-01', to: '2022-06-30' };
  const overviewBase = await baseline(period.from, period.to, '2021-01-01', '2021-06-30')();
  const month = unwrap(parseMonth('2022-06'));
  const halfMonth = unwrap(parseHalfMonth('2022-06-H1'));
  const monthBase = await baseline(month.from, month.to, month.from, month.to)();
  const halfBase = await baseline(halfMonth.from, halfMonth.to, '2022-05-16', '2022-05-31')();
  const plainName = 'plain GROUP BY over the same contacts';
  return [
    figure('overview 2022-H1', await runs(() => overviewReport(db, period, head, TODAY)), overviewBase, plainName),
    figure('  the same asOf half', await runs(() => overviewReport(db, period, half, TODAY)), overviewBase, plainName),
    figure(
      'bulletin 2022-06-H1',
      await runs(() => computeBulletin(db, halfMonth, { asOf: head, today: TODAY })),
      halfBase,
      plainName,
    ),
    figure(
      '  the same asOf half',
      await runs(() => computeBulletin(db, halfMonth, { asOf: half, today: TODAY })),
      halfBase,
      plainName,
    ),
    figure(
      'ranking 2022-06',
      await runs(() => computeRanking(db, month, { asOf: head, today: TODAY })),
      monthBase,
      plainName,
    ),
    figure(
      '  the same asOf half',
      await runs(() => computeRanking(db, month, { asOf: half, today: TODAY })),
      monthBase,
      plainName,
    ),
  ];
}
