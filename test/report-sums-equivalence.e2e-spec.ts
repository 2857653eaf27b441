import { clockSettingsFrom, dataFiles, loadConfig } from '@app/runtime';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHalfMonth, parseMonth, Period, unwrap } from '@app/domain';
import { EventStore, Position, SqliteEventStore } from '@app/ledger';
import {
  computeBulletin,
  computeRanking,
  explainRanking,
  openReadModelDb,
  overviewReport,
  ProjectionRunner,
  readModelProjections,
  rebuildReadModels,
} from '@app/projections';
import { runDemo } from '../apps/cli/src/demo/run-demo';

/**
 * At the read models' own position the bulletin, the ranking and the overview are computed
 * from the sums the projections keep; at any other position from the fact rows. Both must
 * give the same documents, byte for byte: here the sums' documents at many positions of the
 * demo city (read models built incrementally, in batches that cut the log anywhere) are
 * compared with the rows' documents at the same positions, and again after a rebuild.
 */
describe('reports from sums at the read models position equal the reports from the fact rows', () => {
  let dir: string;
  let store: SqliteEventStore;
  let head: Position;
  const settingsOf = () => clockSettingsFrom(loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_LOG_LEVEL: 'silent' }));
  const halfMonths = ['2022-03-H1', '2022-06-H2', '2022-11-H1', '2023-01-H1'].map((p) => unwrap(parseHalfMonth(p)));
  const months = ['2022-02', '2022-06', '2022-12'].map((p) => unwrap(parseMonth(p)));
  const halfYear = { from: '2022-01-01', to: '2022-06-30' };
  // Judged on a day inside some periods (figures of a period still running) and after all of them.
  const days = ['2022-06-20', '2023-02-01'];

  /** Every document, as JSON (what the API sends), at a position. */
  function documents(db: Database.Database, asOf: Position): string[] {
    const out: string[] = [];
    for (const today of days) {
      const point = { asOf, today };
      for (const p of halfMonths) out.push(JSON.stringify(computeBulletin(db, p, point)));
      for (const m of months) out.push(JSON.stringify(computeRanking(db, m, point).document));
      out.push(JSON.stringify(overviewReport(db, halfYear, asOf, today)));
    }
    return out;
  }

  /** The same documents from the rows: as known at a later position that adds nothing (past the log), renamed. */
  function fromRows(db: Database.Database, asOf: Position): string[] {
    const beyond = head + 1_000n;
    return documents(db, asOf === head ? beyond : asOf).map((doc) =>
      asOf === head ? doc.split(`"asOf":"${beyond}"`).join(`"asOf":"${head}"`) : doc,
    );
  }

  const applied = (db: Database.Database) =>
    BigInt(db.prepare<[], { position: string }>('SELECT position FROM runner_state WHERE id = 1').get()!.position);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'report-sums-'));
    const config = loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_LOG_LEVEL: 'silent' });
    await runDemo({ config, seed: 3, year: 2022, scale: 0.2, readModels: false });
    store = SqliteEventStore.open({ file: dataFiles(config).ledger });
    head = (await store.head()).position;
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('incrementally, at positions a batch ends on, and after a rebuild', async () => {
    const projections = readModelProjections(settingsOf());
    const file = join(dir, 'incremental.sqlite');
    const { db } = openReadModelDb(file, projections);
    // A store that shows the log up to a cap, so the runner stops wherever the spec wants.
    let cap: Position = 0n;
    const capped = {
      readAll: async (from: Position, limit: number) =>
        (await store.readAll(from, limit)).filter((e) => e.position <= cap),
    } as unknown as EventStore;
    const runner = new ProjectionRunner(capped, db, projections, { batchSize: 37 });
    const stops = [1n, 5n, 8n, 11n, 16n, 20n, 30n, 45n, 60n, 72n, 85n, 100n].map((n) => (head * n) / 100n);
    const sums = new Map<Position, string[]>();
    for (const stop of stops) {
      cap = stop;
      await runner.catchUp();
      expect(applied(db)).toBe(stop);
      sums.set(stop, documents(db, stop));
    }
    // The runner is at the head now: every earlier position is answered from the rows.
    for (const stop of stops.slice(0, -1)) expect(fromRows(db, stop)).toEqual(sums.get(stop));
    expect(fromRows(db, head)).toEqual(sums.get(head));
    // Whatever the sums give, the explanation's evidence is the rows' and agrees with the ranking.
    for (const m of months) {
      const ranking = computeRanking(db, m, { asOf: head, today: days[1] });
      const unit = ranking.document.rows[0]?.unit ?? ranking.units[0].code;
      const rows = computeRanking(db, m, { asOf: head + 1_000n, today: days[1] });
      expect(JSON.stringify(explainRanking(ranking, unit))).toEqual(
        JSON.stringify({ ...explainRanking(rows, unit)!, asOf: head.toString() }),
      );
    }
    db.close();

    const rebuilt = join(dir, 'rebuilt.sqlite');
    await rebuildReadModels({ store, file: rebuilt, projections, batchSize: 250 });
    const again = new Database(rebuilt, { readonly: true });
    try {
      expect(applied(again)).toBe(head);
      expect(documents(again, head)).toEqual(sums.get(head));
      expect(fromRows(again, head)).toEqual(sums.get(head));
    } finally {
      again.close();
    }
  }, 300_000);

  it('checks periods with figures in them', async () => {
    const projections = readModelProjections(settingsOf());
    const file = join(dir, 'check.sqlite');
    await rebuildReadModels({ store, file, projections });
    const db = new Database(file, { readonly: true });
    try {
      const june: Period = months[1];
      const bulletin = computeBulletin(db, halfMonths[1], { asOf: head, today: days[1] });
      const ranking = computeRanking(db, june, { asOf: head, today: days[1] }).document;
      expect(bulletin.total.contacts).toBeGreaterThan(0);
      expect(ranking.rows.length + ranking.tooFewToRank.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 120_000);
});
