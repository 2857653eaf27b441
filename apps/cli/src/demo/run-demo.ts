import { dataFiles, AppConfig, clockSettingsFrom, systemNow } from '@app/runtime';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LocalDate } from '@app/domain';
import { SqliteEventStore } from '@app/ledger';
import { rebuildReadModels, removeReadModelFile, readModelProjections } from '@app/projections';
import { PersonalDataVault, sealPetitioners } from '@app/security';
import { DemoLedger } from './demo-ledger';
import { DemoSimulation, DemoSummary } from './demo-simulation';
import { fsyncPath } from '../fsync-path';

export interface DemoOptions {
  config: AppConfig;
  seed: number;
  year: number;
  /** Share of the example report's volumes (1 = a real year). */
  scale?: number;
  /** Build the read models at the end, so the API starts caught up. Default true. */
  readModels?: boolean;
  /** The current instant: nothing is dated after it. */
  now?: () => Date;
  onProgress?: (progress: DemoProgress) => void;
}

export type DemoProgress =
  | { phase: 'ledger'; date: LocalDate; events: number; seconds: number }
  | { phase: 'read-models'; applied: number; total: number; seconds: number };

export interface DemoResult extends DemoSummary {
  events: number;
  byType: Record<string, number>;
  seconds: number;
  readModelSeconds: number | null;
}

export class DemoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoRefusedError';
  }
}

export function validateDemoYear(year: number, now: Date): void {
  const current = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > current) {
    throw new DemoRefusedError(
      `--year must be a year from 2000 to ${current} (the demo never dates a fact in the future); got ${year}`,
    );
  }
}

/** Where a fresh demo is built: memory-backed when the system has it, so commits cost no disk flush. */
function scratchRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** Moves a closed SQLite file into place, refusing to replace anything that appeared meanwhile. */
function install(built: string, destination: string): void {
  if (existsSync(`${built}-wal`)) {
    // Fold a write-ahead log left behind into the file, so the copy is self-contained.
    const db = new Database(built);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
  const staged = `${destination}.demo-${process.pid}`;
  copyFileSync(built, staged);
  fsyncPath(staged);
  try {
    linkSync(staged, destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new DemoRefusedError(`${destination} appeared while the demo was being built; nothing was changed`);
    }
    throw error;
  } finally {
    rmSync(staged, { force: true });
  }
  fsyncPath(dirname(destination));
}

/**
 * Fills an empty ledger with the demo city's year and the year before, through the
 * domain's deciders and the API's sealing of personal data, then builds the read
 * models so the API starts caught up.
 *
 * When the data directory has neither a ledger nor a key store yet (the usual case),
 * both are built in a scratch directory (in memory where available), where the
 * ledger's per-commit flush costs nothing, and moved into place when complete: the
 * events are the same, a half-built demo never shows up in the data directory, and
 * the run takes seconds instead of a minute. An existing empty ledger (say a server
 * was started first) is filled in place, commit by commit.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const now = options.now ?? systemNow;
  validateDemoYear(options.year, now());
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 5)) throw new DemoRefusedError(`--scale must be in (0, 5]; got ${scale}`);
  const { config } = options;
  // A new user's first command: the data directory may not exist yet.
  mkdirSync(config.dataDir, { recursive: true });
  const ledgerPath = dataFiles(config).ledger;
  const keysPath = dataFiles(config).keys;
  const fresh = ![ledgerPath, `${ledgerPath}-wal`, keysPath].some((f) => existsSync(f));
  const scratch = fresh ? mkdtempSync(join(scratchRoot(), 'ledger-demo-')) : null;
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const built = dataFiles({ dataDir: scratch ?? config.dataDir });
    const ledgerBuilt = built.ledger;
    const keysBuilt = built.keys;
    const store = SqliteEventStore.open({ file: ledgerBuilt });
    const clock = clockSettingsFrom(config);
    let summary: DemoSummary;
    let ledger: DemoLedger;
    try {
      const head = await store.head();
      if (head.events > 0) {
        throw new DemoRefusedError(
          `the ledger ${ledgerPath} already holds ${head.events} events; the demo fills an empty ledger only. ` +
            `Point LEDGER_DATA_DIR at a new directory (e.g. LEDGER_DATA_DIR=./demo-data) and run it again.`,
        );
      }
      const vault = PersonalDataVault.open(keysBuilt);
      ledger = new DemoLedger(store, options.seed);
      const writer = ledger;
      try {
        summary = await new DemoSimulation(writer, {
          seed: options.seed,
          year: options.year,
          scale,
          clock,
          collectiveThreshold: config.collectiveThreshold,
          seal: (openedEventId, petitioners, petitionerId) =>
            sealPetitioners(vault, openedEventId, petitioners, petitionerId),
          endMs: now().getTime() - 60_000,
          onDay: (date) => options.onProgress?.({ phase: 'ledger', date, events: writer.events, seconds: seconds() }),
        }).run();
      } finally {
        vault.close();
      }
    } finally {
      await store.close();
    }
    if (scratch) {
      // Keys first: a ledger must never be without the keys to its personal data.
      install(keysBuilt, keysPath);
      install(ledgerBuilt, ledgerPath);
      // Read models left from an earlier ledger in this directory describe other events.
      removeReadModelFile(dataFiles(config).readModels);
    }
    const ledgerSeconds = seconds();
    let readModelSeconds: number | null = null;
    if (options.readModels !== false) {
      const projections = readModelProjections(clock);
      const built = SqliteEventStore.open({ file: ledgerPath, readonly: true });
      try {
        // A fresh ledger: its read models are built as a rebuild builds them (a new file, bulk writes,
        // indexes at the end) and swapped in, never a half-built file at the live path.
        await rebuildReadModels({
          store: built,
          file: dataFiles(config).readModels,
          projections,
          batchSize: 2000,
          now,
          onProgress: (p) =>
            options.onProgress?.({
              phase: 'read-models',
              applied: p.applied,
              total: ledger.events,
              seconds: seconds() - ledgerSeconds,
            }),
        });
        readModelSeconds = seconds() - ledgerSeconds;
      } finally {
        await built.close();
      }
    }
    return {
      ...summary,
      events: ledger.events,
      byType: Object.fromEntries([...ledger.byType.entries()].sort(([a], [b]) => a.localeCompare(b))),
      seconds: ledgerSeconds,
      readModelSeconds,
    };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
