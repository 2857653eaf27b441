import { overviewReport } from '@app/projections';
import { Figure, timed } from './bench-harness';
import { LoadedLog } from './projections.bench';

const RUNS = 20;

/**
 * GET /reports/overview's work (both periods, every figure, the text) on loaded read
 * models, against a baseline measured on the same file in the same run: one plain
 * aggregate over the same contact rows (count and persons by channel), the least a
 * report over those rows must do.
 */
export async function benchOverview(loaded: LoadedLog): Promise<Figure[]> {
  const db = loaded.readModels;
  const asOf = BigInt(
    db.prepare<[], { position: string }>('SELECT position FROM runner_state WHERE id = 1').get()!.position,
  );
  const period = { from: '2022-01-01', to: '2022-06-30' };
  overviewReport(db, period, asOf, '2026-11-27');
  const own = await timed(() => {
    for (let i = 0; i < RUNS; i++) overviewReport(db, period, asOf, '2026-11-27');
  });
  const plain = db.prepare(
    `SELECT channel, COUNT(*) AS n, SUM(headcount) AS persons FROM fact_contacts
     WHERE occurred_on BETWEEN ? AND ? AND position <= ? GROUP BY channel`,
  );
  const base = await timed(() => {
    for (let i = 0; i < RUNS; i++) {
      plain.all(period.from, period.to, Number(asOf));
      plain.all('2021-01-01', '2021-06-30', Number(asOf));
    }
  });
  return [
    {
      name: `overview 2022-H1, ${loaded.label} (${loaded.events.toLocaleString('en-US')} events)`,
      count: RUNS,
      seconds: own.seconds,
      unit: 'reports/s',
      baseline: { name: 'plain GROUP BY over the same contacts', count: RUNS, seconds: base.seconds },
      note: `${((own.seconds / RUNS) * 1000).toFixed(1)} ms per report`,
    },
  ];
}
