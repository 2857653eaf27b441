import { systemNow } from '@app/runtime';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, NewEvent, SqliteEventStore, START } from '@app/ledger';
import { Figure, timed, withPeakRss } from './bench-harness';

export interface LedgerBenchOptions {
  singles: number;
  batched: number;
  logSize: number;
}

function sampleEvent(i: number): NewEvent {
  return {
    type: 'ContactRecorded',
    version: 1,
    occurredAt: '2022-04-03T09:30:00+08:00',
    actor: { id: 'bench', role: 'registrar' },
    data: {
      matterId: `m-${i % 5000}`,
      channel: 'online',
      level: 'city',
      headcount: 1 + (i % 7),
      summary: '群众反映紫悦华府逾期交房问题',
    },
  };
}

/** The baseline: the same bytes into a bare table, no envelope, no checks, no indexes. */
function bareTable(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE bare (id INTEGER PRIMARY KEY, stream TEXT, type TEXT, data TEXT)');
  return db;
}

export async function benchLedger(options: LedgerBenchOptions, progress: (line: string) => void): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const figures: Figure[] = [];
  try {
    const payloads = Array.from({ length: Math.max(options.singles, 100) }, (_, i) => sampleEvent(i));
    // The baseline writes the very bytes the store writes: the canonical event body.
    const bytes = payloads.map((e) =>
      canonicalJson({
        ...e,
        recordedAt: systemNow().toISOString(),
        causationId: null,
        correlationId: null,
        metadata: {},
        type: undefined,
      }),
    );

    // Single-event appends: each its own durable commit, in both.
    {
      const store = SqliteEventStore.open({ file: join(dir, 'single.sqlite') });
      const own = await timed(async () => {
        for (let i = 0; i < options.singles; i++) await store.append(`matter-${i % 500}`, [payloads[i]], 'any');
      });
      await store.close();
      const db = bareTable(join(dir, 'single-bare.sqlite'));
      const insert = db.prepare('INSERT INTO bare (stream, type, data) VALUES (?, ?, ?)');
      const base = await timed(() => {
        for (let i = 0; i < options.singles; i++) insert.run(`matter-${i % 500}`, 'ContactRecorded', bytes[i]);
      });
      db.close();
      figures.push({
        name: 'append, single events',
        count: options.singles,
        seconds: own.seconds,
        unit: 'events/s',
        baseline: { name: 'bare INSERT per commit', count: options.singles, seconds: base.seconds },
      });
    }

    // Batches of 100 events in one append / one transaction.
    {
      const batches = Math.floor(options.batched / 100);
      const batch = payloads.slice(0, 100);
      const batchBytes = bytes.slice(0, 100);
      const store = SqliteEventStore.open({ file: join(dir, 'batch.sqlite') });
      const own = await timed(async () => {
        for (let b = 0; b < batches; b++) await store.append(`matter-${b}`, batch, 'no_stream');
      });
      await store.close();
      const db = bareTable(join(dir, 'batch-bare.sqlite'));
      const insert = db.prepare('INSERT INTO bare (stream, type, data) VALUES (?, ?, ?)');
      const insertBatch = db.transaction((b: number) => {
        for (const data of batchBytes) insert.run(`matter-${b}`, 'ContactRecorded', data);
      });
      const base = await timed(() => {
        for (let b = 0; b < batches; b++) insertBatch(b);
      });
      db.close();
      figures.push({
        name: 'append, batches of 100',
        count: batches * 100,
        seconds: own.seconds,
        unit: 'events/s',
        baseline: { name: 'bare INSERT ×100 per commit', count: batches * 100, seconds: base.seconds },
        target: 0.5,
      });
    }

    // Full read of a large log, streamed in pages.
    {
      const file = join(dir, 'big.sqlite');
      const store = SqliteEventStore.open({ file });
      const batch = payloads.slice(0, 100);
      const db = bareTable(join(dir, 'big-bare.sqlite'));
      const insert = db.prepare('INSERT INTO bare (stream, type, data) VALUES (?, ?, ?)');
      const insertBatch = db.transaction((b: number) => {
        for (const data of bytes.slice(0, 100)) insert.run(`matter-${b}`, 'ContactRecorded', data);
      });
      for (let b = 0; b < options.logSize / 100; b++) {
        await store.append(`matter-${b}`, batch, 'no_stream');
        insertBatch(b);
        if (b % 1000 === 999) progress(`  filling the log: ${(b + 1) * 100} / ${options.logSize} events`);
      }
      global.gc?.();
      const own = await withPeakRss(() =>
        timed(async () => {
          let next = START;
          let n = 0;
          for (;;) {
            const page = await store.readAll(next, 1000);
            if (page.length === 0) break;
            n += page.length;
            next = page[page.length - 1].position + 1n;
          }
          return n;
        }),
      );
      await store.close();
      const scan = db.prepare<[number, number], { id: number; stream: string; type: string; data: string }>(
        'SELECT id, stream, type, data FROM bare WHERE id >= ? ORDER BY id LIMIT ?',
      );
      const base = await timed(() => {
        let next = 1;
        let n = 0;
        for (;;) {
          const rows = scan.all(next, 1000);
          if (rows.length === 0) break;
          for (const row of rows) JSON.parse(row.data);
          n += rows.length;
          next = rows[rows.length - 1].id + 1;
        }
        return n;
      });
      db.close();
      figures.push({
        name: `full read of ${options.logSize.toLocaleString('en-US')} events`,
        count: own.result.result,
        seconds: own.result.seconds,
        unit: 'events/s',
        baseline: { name: 'bare scan + JSON.parse', count: base.result, seconds: base.seconds },
        target: 0.5,
        note: `peak RSS during read ${own.peakMb.toFixed(0)} MB (target < 200 MB)`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
