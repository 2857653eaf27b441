import { dataFiles, AppConfig, loadConfig, clockSettingsFrom } from '@app/runtime';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEnvelope, NewEvent, Projection, SqliteEventStore, START } from '@app/ledger';
import { rebuildReadModels, readModelProjections } from '@app/projections';
import { runDemo } from '../apps/cli/src/demo/run-demo';
import { Figure, timed, withPeakRss } from './bench-harness';
import { writeFloorSeconds } from './write-floor';
import { rebuildInOwnProcess } from './rebuild-process';

export interface ProjectionBenchOptions {
  /** Scale of the demo city (1 = the example report's volumes, about 42,000 events). */
  demoScale: number;
  /** Size of the large log, made of copies of the demo's events. */
  logSize: number;
  batchSize?: number;
  /**
   * Keep the demo city and the large log (with their read models) in this directory and
   * reuse them on the next run (`BENCH_LOG_DIR`), instead of building them in a scratch
   * directory deleted afterwards.
   */
  keepDir?: string;
  /**
   * Measure no rebuild (`BENCH_SKIP_REBUILD=1`): read models kept in `keepDir` that match
   * the projections' versions and the log's head are used as they are, others are rebuilt
   * unmeasured; only the hooks' figures (report latency) are printed.
   */
  skipRebuild?: boolean;
}

/** A log with its read models rebuilt, handed to the hooks below. */
export interface LoadedLog {
  label: string;
  config: AppConfig;
  store: SqliteEventStore;
  /** The rebuilt read models, at the live path (`dataFiles(config).readModels`). */
  readModels: Database.Database;
  events: number;
}

/**
 * The hook for benchmarks that need loaded read models: overview latency goes here.
 * Each hook runs twice, with the demo city loaded and with the large log, and returns
 * its figures (e.g. "GET /reports/overview, demo loaded" in requests/s against a
 * baseline it measures in the same run).
 */
export type LoadedLogBench = (log: LoadedLog) => Promise<Figure[]>;

/** Where the logs are built: memory-backed when available, since appending them is not what is measured. */
function scratch(): string {
  return mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'projections-bench-'));
}

export async function plainRead(
  store: SqliteEventStore,
  batchSize: number,
): Promise<{ seconds: number; count: number }> {
  const { seconds, result } = await timed(async () => {
    let next = START;
    let count = 0;
    for (;;) {
      const page = await store.readAll(next, batchSize);
      if (page.length === 0) return count;
      count += page.length;
      next = page[page.length - 1].position + 1n;
    }
  });
  return { seconds, count: result };
}

async function rebuildFigure(
  label: string,
  config: AppConfig,
  store: SqliteEventStore,
  projections: Projection[],
  batchSize: number,
  progress: (line: string) => void,
): Promise<Figure> {
  const read = await plainRead(store, batchSize);
  let shown = 0;
  const { peakMb, result } = await withPeakRss(() =>
    rebuildReadModels({
      store,
      file: dataFiles(config).readModels,
      projections,
      batchSize,
      onProgress: (p) => {
        if (p.seconds - shown >= 10) {
          shown = p.seconds;
          progress(
            `  rebuilding (${label}): ${p.applied.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} events`,
          );
        }
      },
    }),
  );
  return {
    name: `rebuild ${projections.length === 1 ? projections[0].name : 'every read model'}, ${label}`,
    count: result.events,
    seconds: result.seconds,
    unit: 'events/s',
    baseline: { name: 'plain read of the same log', count: read.count, seconds: read.seconds },
    note: `peak RSS ${peakMb.toFixed(0)} MB`,
  };
}

/**
 * The write floor of the rebuild just made (write-floor.ts) beside the plain read: each
 * measured three times in turn, the best of each kept, since the demo city's are short runs.
 */
async function writeFloorFigure(
  label: string,
  config: AppConfig,
  store: SqliteEventStore,
  batchSize: number,
  dir: string,
): Promise<Figure> {
  const reads: { seconds: number; count: number }[] = [];
  const floors: { seconds: number; rows: number; tables: number }[] = [];
  for (let i = 0; i < 3; i++) {
    reads.push(await plainRead(store, batchSize));
    floors.push(await writeFloorSeconds(dataFiles(config).readModels, join(dir, 'write-floor.sqlite')));
  }
  const read = reads.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
  const floor = floors.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
  return {
    name: `  write floor of that rebuild, ${label}`,
    count: read.count,
    seconds: floor.seconds,
    unit: 'events/s',
    baseline: { name: 'plain read of the same log', count: read.count, seconds: read.seconds },
    note: `only writing its ${floor.rows.toLocaleString('en-US')} final rows (${floor.tables} tables) into an empty file in key order, then building their indexes; best of 3: no rebuild of these read models can be faster`,
  };
}

/** Whether the read models at the live path are built by these projections up to the log's head. */
function readModelsCurrent(config: AppConfig, projections: Projection[], head: bigint): boolean {
  const file = dataFiles(config).readModels;
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true });
  try {
    const state = db
      .prepare<[], { position: string; schema_signature: string }>(
        'SELECT position, schema_signature FROM runner_state WHERE id = 1',
      )
      .get();
    const signature = projections.map((p) => `${p.name}@${p.version}`).join(',');
    return state !== undefined && state.schema_signature === signature && BigInt(state.position) === head;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/** The rebuild figure, or (skipping rebuilds) read models made current without one. */
async function rebuildUnlessSkipped(skip: boolean, ...args: Parameters<typeof rebuildFigure>): Promise<Figure[]> {
  if (!skip) return [await rebuildFigure(...args)];
  const [label, config, store, projections, batchSize, progress] = args;
  if (readModelsCurrent(config, projections, (await store.head()).position)) return [];
  progress(`  rebuilding the read models (${label}), unmeasured…`);
  await rebuildReadModels({ store, file: dataFiles(config).readModels, projections, batchSize });
  return [];
}

/**
 * Every read model rebuilt by a process of its own, as `ledger rebuild` does: its peak RSS is the
 * rebuild's alone (this process has just appended the large log, and the engine keeps the heap that
 * took). The demo city's rebuild stays in this process, where the domain code is already compiled.
 */
async function ownProcessFigure(
  label: string,
  config: AppConfig,
  store: SqliteEventStore,
  batchSize: number,
  progress: (line: string) => void,
): Promise<Figure> {
  const read = await plainRead(store, batchSize);
  const rebuilt = await rebuildInOwnProcess(config.dataDir, batchSize, (line) => progress(`${line} (${label})`));
  return {
    name: `rebuild every read model, ${label}`,
    count: rebuilt.events,
    seconds: rebuilt.seconds,
    unit: 'events/s',
    baseline: { name: 'plain read of the same log', count: read.count, seconds: read.seconds },
    note: `peak RSS ${rebuilt.peakMb.toFixed(0)} MB (own process)`,
  };
}

export interface ReplicateOptions {
  /** Appends made before awaiting them (default 1). */
  inFlight?: number;
  /** Number of the first copy: a caller that appends in several calls starts each past the copies before it. */
  firstCopy?: number;
  /**
   * Put the copy number in front of each renamed id (XFc00003-20220101-0001, petitioner-c00003-…)
   * instead of behind it (XF20220101-0001-r3): ids then sort in the order they are appended, as the
   * server's day-prefixed matter ids do, and the ledger's (stream, revision) index grows at its right
   * edge. With the number behind, every copy's streams land between the earlier copies' ones.
   */
  orderedIds?: boolean;
}

/**
 * Copies of the demo's events, ids renamed per copy, appended command by command in the demo's order.
 * With `inFlight` > 1, that many appends are made before awaiting them: the store's group commit
 * writes them in arrival order (the same log) with one fsync per group, as concurrent requests would.
 */
export async function replicate(
  source: EventEnvelope[],
  target: SqliteEventStore,
  size: number,
  progress: (line: string) => void,
  { inFlight = 1, firstCopy = 0, orderedIds = false }: ReplicateOptions = {},
): Promise<number> {
  let written = 0;
  let pending: Promise<unknown>[] = [];
  const registry = (e: EventEnvelope) => e.stream.startsWith('unit-') || e.stream.startsWith('principal-');
  for (let copy = firstCopy; written < size; copy++) {
    const suffix = copy === 0 ? '' : `-r${copy}`;
    const tag = `c${String(copy).padStart(5, '0')}`;
    const rename = (text: string) =>
      copy === 0
        ? text
        : text.replace(/XF\d{8}-\d{4}|backlog-\d{4}/g, (id) =>
            !orderedIds
              ? `${id}${suffix}`
              : id.startsWith('XF')
                ? `XF${tag}-${id.slice(2)}`
                : `backlog-${tag}-${id.slice(8)}`,
          );
    // Other streams (petitioners, meetings, …): kind-copy-id, or id-rN.
    const renameStream = (stream: string) => {
      const dash = stream.indexOf('-');
      return copy === 0
        ? stream
        : orderedIds && dash > 0
          ? `${stream.slice(0, dash)}-${tag}${stream.slice(dash)}`
          : `${stream}${suffix}`;
    };
    for (let i = 0; i < source.length && written < size;) {
      const first = source[i];
      let j = i + 1;
      while (j < source.length && source[j].stream === first.stream && source[j].correlationId === first.correlationId)
        j++;
      if (copy === 0 || !registry(first)) {
        const events: NewEvent[] = source.slice(i, j).map((e) => ({
          type: e.type,
          version: e.version,
          occurredAt: e.occurredAt,
          actor: e.actor,
          causationId: e.causationId,
          correlationId: e.correlationId,
          data: JSON.parse(rename(JSON.stringify(e.data))),
          metadata: e.metadata,
        }));
        const stream =
          first.stream.startsWith('matter-') || first.stream.startsWith('campaign-')
            ? rename(first.stream)
            : renameStream(first.stream);
        pending.push(target.append(stream, events, 'any'));
        if (pending.length >= inFlight) {
          await Promise.all(pending);
          pending = [];
        }
        written += events.length;
      }
      i = j;
    }
    await Promise.all(pending);
    pending = [];
    progress(`  large log: ${written.toLocaleString('en-US')} / ${size.toLocaleString('en-US')} events`);
  }
  return written;
}

export async function benchProjections(
  options: ProjectionBenchOptions,
  progress: (line: string) => void,
  hooks: LoadedLogBench[] = [],
): Promise<Figure[]> {
  const batchSize = options.batchSize ?? 2000;
  const skip = options.skipRebuild === true;
  const figures: Figure[] = [];
  const kept = options.keepDir !== undefined;
  const demoDir = kept ? join(options.keepDir!, 'demo') : scratch();
  const largeDir = kept ? join(options.keepDir!, 'large') : scratch();
  try {
    // The demo city: a real year's shape and the year before.
    const demoConfig = loadConfig({ LEDGER_DATA_DIR: demoDir, LEDGER_LOG_LEVEL: 'silent' });
    const demoEvents = await demoCity(demoConfig, options.demoScale, kept, progress);
    const projections = readModelProjections(clockSettingsFrom(demoConfig));
    const demoStore = SqliteEventStore.open({ file: dataFiles(demoConfig).ledger, readonly: true });
    try {
      const label = `demo city (${demoEvents.toLocaleString('en-US')} events)`;
      figures.push(
        ...(await rebuildUnlessSkipped(skip, label, demoConfig, demoStore, projections, batchSize, progress)),
      );
      if (!skip) figures.push(await writeFloorFigure(label, demoConfig, demoStore, batchSize, demoDir));
      // Hooks need every read model: run them before the per-model rebuilds below replace the file.
      figures.push(
        ...(await runHooks(hooks, { label: 'demo city', config: demoConfig, store: demoStore, events: demoEvents })),
      );
      // Where the time goes: each read model rebuilt alone over the same log.
      for (const projection of skip ? [] : projections) {
        const figure = await rebuildFigure('demo city', demoConfig, demoStore, [projection], batchSize, progress);
        figures.push({ ...figure, name: `  of which ${projection.name} alone` });
      }
      // A kept demo city must keep every read model for the next run: the per-model rebuilds replaced them.
      if (kept && !skip)
        await rebuildUnlessSkipped(true, label, demoConfig, demoStore, projections, batchSize, progress);

      // The large log: copies of the demo until it reaches the size asked for (a kept one is reused).
      const largeConfig = loadConfig({ LEDGER_DATA_DIR: largeDir, LEDGER_LOG_LEVEL: 'silent' });
      const largeStore = SqliteEventStore.open({ file: dataFiles(largeConfig).ledger });
      try {
        let events = (await largeStore.head()).events;
        if (events === 0 || events !== options.logSize) {
          if (events !== 0) throw new Error(`${largeDir} holds a log of ${events} events, not ${options.logSize}`);
          // The demo's events are read inside the call, so none of them is still held while the large log is rebuilt.
          events = await replicate(
            await demoStore.readAll(START, Number.MAX_SAFE_INTEGER),
            largeStore,
            options.logSize,
            progress,
          );
        }
        const largeLabel = `${events.toLocaleString('en-US')} events`;
        if (skip)
          await rebuildUnlessSkipped(true, largeLabel, largeConfig, largeStore, projections, batchSize, progress);
        else figures.push(await ownProcessFigure(largeLabel, largeConfig, largeStore, batchSize, progress));
        figures.push(...(await runHooks(hooks, { label: largeLabel, config: largeConfig, store: largeStore, events })));
      } finally {
        await largeStore.close();
      }
    } finally {
      await demoStore.close();
    }
  } finally {
    if (!kept) {
      rmSync(demoDir, { recursive: true, force: true });
      rmSync(largeDir, { recursive: true, force: true });
    }
  }
  return figures;
}

/** Generates the demo city, or (kept) reuses the one generated before; its number of events. */
async function demoCity(
  config: AppConfig,
  scale: number,
  kept: boolean,
  progress: (line: string) => void,
): Promise<number> {
  if (kept && existsSync(dataFiles(config).ledger)) {
    const store = SqliteEventStore.open({ file: dataFiles(config).ledger, readonly: true });
    try {
      const { events } = await store.head();
      if (events > 0) return events;
    } finally {
      await store.close();
    }
  }
  progress(`  generating the demo city (scale ${scale})…`);
  const demo = await runDemo({ config, seed: 1, year: 2022, scale, readModels: false });
  return demo.events;
}

async function runHooks(hooks: LoadedLogBench[], log: Omit<LoadedLog, 'readModels'>): Promise<Figure[]> {
  if (hooks.length === 0) return [];
  const readModels = new Database(dataFiles(log.config).readModels, { readonly: true });
  try {
    const figures: Figure[] = [];
    for (const hook of hooks) figures.push(...(await hook({ ...log, readModels })));
    return figures;
  } finally {
    readModels.close();
  }
}
