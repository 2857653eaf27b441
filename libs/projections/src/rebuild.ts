import type Database from 'better-sqlite3';
import { systemNow } from '@app/runtime';
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { EventStore, Position, type Projection } from '@app/ledger';
import { ProjectionRunner } from './projection-runner';
import { openReadModelDb } from './read-model-db';
import { removeStrayGenerations, swapInReadModelFile } from './read-model-files';

export interface RebuildProgress {
  /** Events applied to the new generation so far. */
  applied: number;
  /** Events in the log, as last looked up (it may grow while the rebuild runs). */
  total: number;
  position: Position;
  seconds: number;
  eventsPerSecond: number;
  /** Seconds left at the current rate; null before there is a rate. */
  etaSeconds: number | null;
}

export interface RebuildOptions {
  store: EventStore;
  /** The live path, e.g. `<dataDir>/read-models.sqlite`. */
  file: string;
  projections: Projection[];
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Called with the rebuilt file just before it is swapped in (e.g. to compare it with the live one). */
  beforeSwap?: (built: string) => Promise<void> | void;
  /** Build only: leave the live path alone and return the new file. */
  swap?: boolean;
  /** Names the new generation (`<file>.rebuild-<instant>`); the machine's time unless a Clock's is given. */
  now?: () => Date;
}

export interface RebuildResult {
  /** The generation that was built (and, unless `swap: false`, is now live). */
  built: string;
  events: number;
  position: Position;
  seconds: number;
  /** The file that was live before, now deleted; null when there was none or nothing was swapped. */
  replaced: string | null;
}

export class RebuildInProgressError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`another rebuild is running (pid ${pid}; lock ${lockFile})`);
    this.name = 'RebuildInProgressError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One rebuild at a time per data directory; a lock left by a dead process is taken over. */
function lock(file: string): () => void {
  const lockFile = `${file}.rebuild.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
        throw new RebuildInProgressError(lockFile, pid);
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`cannot take the rebuild lock ${lockFile}`);
}

/** How often the log's size is looked up again during a rebuild (counting a large log's events is not free). */
const HEAD_LOOKUP_SECONDS = 10;

/** The page cache of a generation being built, in KiB (SQLite's default is 2 MiB). */
const REBUILD_CACHE_KIB = 16 * 1024;

/**
 * Drops the indexes the projections' schemas declared (not those SQLite keeps for a
 * primary key or a UNIQUE constraint, which the projections' own statements rely on)
 * and returns the statements that create them again.
 */
function dropSecondaryIndexes(db: Database.Database): string[] {
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
    )
    .all();
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  return indexes.map((index) => index.sql);
}

/** The pages were written without syncing: flush them before the file can be swapped in. */
function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/**
 * Blue/green rebuild: every read model is built from the start of the log into a new
 * file beside the live one (`<file>.rebuild-<ts>`), caught up to the head, made
 * self-contained (WAL checkpointed, rollback journal) and durable, then swapped in
 * atomically (see read-model-files.ts). Readers keep the old generation until they
 * notice the swap; events appended after the build are applied by whichever runner
 * opens the new generation, from its checkpoint.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const unlock = lock(options.file);
  let built: string | null = null;
  try {
    removeStrayGenerations(options.file);
    built = `${options.file}.rebuild-${stamp((options.now ?? systemNow)())}`;
    removeStrayGenerations(built);
    const { db } = openReadModelDb(built, options.projections);
    let total = (await options.store.head()).events;
    let lastHeadLookup = 0;
    try {
      // Nobody reads this file before the swap, and a failed or interrupted build discards it: no need
      // to sync each batch, nor to journal pages so that a batch can be undone (a failed batch fails the
      // rebuild), nor to give the lock up between batches. A larger page cache keeps the indexes' hot
      // pages in memory.
      db.pragma('synchronous = OFF');
      db.pragma('journal_mode = OFF');
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma(`cache_size = -${REBUILD_CACHE_KIB}`);
      // Secondary indexes are built once at the end, from sorted rows, rather than maintained row by row.
      const deferred = dropSecondaryIndexes(db);
      const runner = new ProjectionRunner(options.store, db, options.projections, {
        bulk: true,
        batchSize: options.batchSize ?? 2000,
        onBatch: () => {
          const elapsed = seconds();
          if (elapsed - lastHeadLookup > HEAD_LOOKUP_SECONDS) {
            // The log may grow while the rebuild runs: look the head up again now and then.
            lastHeadLookup = elapsed;
            void options.store.head().then(
              (head) => (total = Math.max(total, head.events)),
              () => undefined,
            );
          }
          total = Math.max(total, runner.applied);
          const eventsPerSecond = elapsed > 0 ? runner.applied / elapsed : 0;
          options.onProgress?.({
            applied: runner.applied,
            total,
            position: runner.position,
            seconds: elapsed,
            eventsPerSecond,
            etaSeconds: eventsPerSecond > 0 ? (total - runner.applied) / eventsPerSecond : null,
          });
        },
      });
      await runner.catchUp();
      await runner.finish();
      for (const sql of deferred) db.exec(sql);
      // Self-contained and on disk before anyone can open it through the live path.
      db.pragma('synchronous = FULL');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
      const result = { events: runner.applied, position: runner.position };
      db.close();
      syncFile(built);
      if (options.beforeSwap) await options.beforeSwap(built);
      const replaced = options.swap === false ? null : swapInReadModelFile(options.file, built);
      return { built, ...result, seconds: seconds(), replaced };
    } catch (error) {
      if (db.open) db.close();
      throw error;
    }
  } catch (error) {
    if (built) removeStrayGenerations(options.file);
    throw error;
  } finally {
    unlock();
  }
}
