/**
 * `npm run bench:scale`: the scale run of issue 12 (not in CI, not in `npm run bench`).
 *
 * Builds a log of SCALE_EVENTS events (default 10,000,000) on the embedded store,
 * on disk (SCALE_DIR, default a new directory under the system's temp dir), out of
 * copies of the demo city, and measures what an operator meets at that size:
 * append rate, file sizes, the audit tree, `ledger verify`, the rebuild of every
 * read model and the overview report, each with its peak RSS.
 *
 * SCALE_ONLY=read,tree,verify,rebuild (a subset of append,read,tree,verify,rebuild)
 * with SCALE_DIR of an earlier run kept with SCALE_KEEP=1 measures again on its log;
 * with append, a kept log is topped up to SCALE_EVENTS.
 *
 * SCALE_BUDGET_SECONDS (default 1800) bounds each phase, and SCALE_BUDGET_APPEND,
 * SCALE_BUDGET_TREE, SCALE_BUDGET_VERIFY, SCALE_BUDGET_REBUILD (seconds) one phase
 * each: a phase that runs out of time stops where it is, and its line says how far
 * it got and what the rate so far gives for the whole log (an extrapolation,
 * marked as one). The read baselines always read the whole log. SCALE_KEEP=1
 * keeps the directory; the figures also go to SCALE_OUT (default
 * `scale-run.json` in the system's temp dir), rewritten after each phase.
 */
import { AppConfig, clockSettingsFrom, dataFiles, loadConfig, systemNow } from '@app/runtime';
import { AuditStore, auditTreeProjection, verifyStoredLog } from '@app/audit';
import { EventStore, SqliteEventStore, START } from '@app/ledger';
import { ProjectionRunner, readModelProjections, rebuildReadModels } from '@app/projections';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../apps/cli/src/demo/run-demo';
import { forEachLeafBaseline } from './audit.bench';
import { log, machine, timed, withPeakRss } from './bench-harness';
import { benchOverview } from './overview.bench';
import { plainRead, replicate } from './projections.bench';

interface PhaseResult {
  phase: string;
  /** Events the phase got through. */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  peakRssMb: number;
  /** The phase ran out of its budget before the end of the log. */
  stopped: boolean;
  /** When stopped: the seconds the whole log would take at the rate so far. */
  extrapolatedSeconds?: number;
  [detail: string]: unknown;
}

const count = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Bytes of a SQLite file with its WAL. */
function fileBytes(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}

/** The store as seen by a reader that must stop at a deadline: the log seems to end there. */
function untilDeadline(store: EventStore, deadline: number): EventStore {
  return {
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: async (from, limit) => (Date.now() > deadline ? [] : store.readAll(from, limit)),
    subscribe: (...args) => store.subscribe(...args),
    head: () => store.head(),
    findIdempotency: (key) => store.findIdempotency(key),
    close: () => store.close(),
  };
}

function phaseLine(r: PhaseResult): string {
  let line = `${r.phase.padEnd(40)} ${count(r.events).padStart(11)} events in ${r.seconds.toFixed(1)} s: ${count(Math.round(r.eventsPerSecond))} events/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`;
  if (r.stopped && r.extrapolatedSeconds !== undefined)
    line += ` | STOPPED at the time budget; the whole log at this rate: ~${(r.extrapolatedSeconds / 60).toFixed(1)} min (extrapolated)`;
  return line;
}

type Record = (result: PhaseResult) => void;

/** A phase over the whole log. */
function whole(phase: string, events: number, seconds: number, peakRssMb: number): PhaseResult {
  return { phase, events, seconds, eventsPerSecond: events / seconds, peakRssMb, stopped: false };
}

/** A phase that may have stopped at its budget after `done` of `all` events. */
function partial(phase: string, done: number, all: number, seconds: number, peakRssMb: number): PhaseResult {
  const stopped = done < all;
  return {
    ...whole(phase, done, seconds, peakRssMb),
    stopped,
    ...(stopped ? { extrapolatedSeconds: (seconds / done) * all } : {}),
  };
}

/** Copies of the demo city appended with 256 commands in flight (the store's group commit), about a million at a time. */
async function appendPhase(
  dir: string,
  store: SqliteEventStore,
  target: number,
  budgetMs: number,
  record: Record,
): Promise<void> {
  // A kept log (SCALE_DIR of an earlier run) is topped up to the target, not appended to from scratch.
  const already = (await store.head()).events;
  if (already >= target) {
    log(`  the log already holds ${count(already)} events: nothing to append`);
    return;
  }
  // The source: the demo city (about 42,000 events of a real year's shape).
  const demoConfig = loadConfig({ LEDGER_DATA_DIR: join(dir, 'demo'), LEDGER_LOG_LEVEL: 'silent' });
  rmSync(demoConfig.dataDir, { recursive: true, force: true });
  await runDemo({ config: demoConfig, seed: 1, year: 2022, scale: 1, readModels: false });
  const demoStore = SqliteEventStore.open({ file: dataFiles(demoConfig).ledger, readonly: true });
  const source = await demoStore.readAll(START, Number.MAX_SAFE_INTEGER);
  await demoStore.close();

  const deadline = Date.now() + budgetMs;
  const milestones: Array<{ events: number; seconds: number }> = [{ events: 0, seconds: 0 }];
  const toWrite = target - already;
  let written = 0;
  const appended = await withPeakRss(() =>
    timed(async () => {
      const t0 = Date.now();
      // Each chunk's copies are numbered past the ones before (a million events is ~25 copies), so
      // no two chunks write the same matter streams; a top-up starts past the chunks already there.
      const firstChunk = already === 0 ? 0 : Math.floor(already / 1_000_000) + 1;
      for (let chunk = firstChunk; written < toWrite && Date.now() < deadline; chunk++) {
        const chunkSize = Math.min(1_000_000, toWrite - written);
        written += await replicate(source, store, chunkSize, () => undefined, {
          inFlight: 256,
          firstCopy: chunk * 1000,
          orderedIds: true,
        });
        milestones.push({ events: written, seconds: (Date.now() - t0) / 1000 });
        log(
          `  appended ${count(already + written)} events, ${((Date.now() - t0) / 1000).toFixed(0)} s, ledger ${mb(fileBytes(store.file))}`,
        );
      }
    }),
  );
  const rateOf = (a: { events: number; seconds: number }, b: { events: number; seconds: number }) =>
    (b.events - a.events) / (b.seconds - a.seconds);
  const bytes = fileBytes(store.file);
  record({
    ...partial('append (256 commands in flight)', written, toWrite, appended.result.seconds, appended.peakMb),
    ...(already > 0 ? { toppedUpFrom: already } : {}),
    firstChunkEventsPerSecond: rateOf(milestones[0], milestones[1]),
    lastChunkEventsPerSecond: rateOf(milestones[milestones.length - 2], milestones[milestones.length - 1]),
    ledgerBytes: bytes,
    bytesPerEvent: bytes / (already + written),
    commits: store.commits,
  });
  log(
    `  ledger ${mb(bytes)} (${(bytes / (already + written)).toFixed(0)} bytes per event); events/s over the first chunk ` +
      `${count(Math.round(rateOf(milestones[0], milestones[1])))}, over the last ` +
      `${count(Math.round(rateOf(milestones[milestones.length - 2], milestones[milestones.length - 1])))}`,
  );
}

/** `ledger rebuild` of every read model, then the overview on what was built. */
async function rebuildPhase(
  config: AppConfig,
  store: SqliteEventStore,
  events: number,
  budgetMs: number,
  plainRate: number | undefined,
  record: Record,
  results: PhaseResult[],
): Promise<void> {
  const files = dataFiles(config);
  let lastShown = 0;
  const rebuilt = await withPeakRss(() =>
    rebuildReadModels({
      store: untilDeadline(store, Date.now() + budgetMs),
      file: files.readModels,
      projections: readModelProjections(clockSettingsFrom(config)),
      onProgress: (p) => {
        if (p.seconds - lastShown >= 60) {
          lastShown = p.seconds;
          log(`  rebuilding: ${count(p.applied)} / ${count(events)} events, ${count(Math.round(p.eventsPerSecond))}/s`);
        }
      },
    }),
  );
  const { events: done, seconds } = rebuilt.result;
  record({
    ...partial('rebuild every read model', done, events, seconds, rebuilt.peakMb),
    ratioToPlainRead: plainRate && done / seconds / plainRate,
    readModelBytes: fileBytes(files.readModels),
  });
  log(`  read models ${mb(fileBytes(files.readModels))}`);
  const readModels = new Database(files.readModels, { readonly: true });
  try {
    const label = done < events ? `read models over the first ${count(done)} events` : 'loaded';
    for (const figure of await benchOverview({ label, config, store, readModels, events: done })) {
      const ms = (figure.seconds / figure.count) * 1000;
      const base = figure.baseline && (figure.baseline.seconds / figure.baseline.count) * 1000;
      log(`${figure.name}: ${ms.toFixed(1)} ms per report (${figure.baseline?.name ?? ''}: ${base?.toFixed(1)} ms)`);
      results.push({ ...whole(figure.name, done, figure.seconds, 0), msPerReport: ms, baselineMsPerReport: base });
    }
  } finally {
    readModels.close();
  }
}

async function main(): Promise<void> {
  const target = Number(process.env.SCALE_EVENTS ?? 10_000_000);
  const defaultBudget = Number(process.env.SCALE_BUDGET_SECONDS ?? 1800);
  const budgets = Object.fromEntries(
    ['append', 'tree', 'verify', 'rebuild'].map((phase) => {
      const seconds = Number(process.env[`SCALE_BUDGET_${phase.toUpperCase()}`] ?? defaultBudget);
      if (!(seconds > 0)) throw new Error(`SCALE_BUDGET_${phase.toUpperCase()} must be a positive number of seconds`);
      return [phase, seconds * 1000];
    }),
  ) as { [phase in 'append' | 'tree' | 'verify' | 'rebuild']: number };
  if (!(target >= 1000)) throw new Error('SCALE_EVENTS must be at least 1000');
  const dir = process.env.SCALE_DIR ?? mkdtempSync(join(tmpdir(), 'scale-run-'));
  const out = process.env.SCALE_OUT ?? join(tmpdir(), 'scale-run.json');
  mkdirSync(dir, { recursive: true });
  const only = new Set((process.env.SCALE_ONLY ?? 'append,read,tree,verify,rebuild').split(',').map((p) => p.trim()));
  const results: PhaseResult[] = [];
  const started = systemNow().toISOString();
  const record = (r: PhaseResult) => {
    results.push(r);
    log(phaseLine(r));
    writeFileSync(out, JSON.stringify({ machine: machine(), started, target, results }, null, 2));
  };
  log(`petition-ledger scale run — ${machine()} — ${started}`);
  log(
    `target ${count(target)} events in ${dir}, budgets (s): ` +
      Object.entries(budgets)
        .map(([phase, ms]) => `${phase} ${ms / 1000}`)
        .join(', '),
  );

  try {
    const config = loadConfig({ LEDGER_DATA_DIR: join(dir, 'large'), LEDGER_LOG_LEVEL: 'silent' });
    const files = dataFiles(config);
    const store = SqliteEventStore.open({ file: files.ledger });
    if (only.has('append')) await appendPhase(dir, store, target, budgets.append, record);
    const events = (await store.head()).events;
    log(`  the log holds ${count(events)} events, ledger ${mb(fileBytes(files.ledger))}`);

    let plainRate: number | undefined;
    let leafBaseline: number | undefined;
    if (only.has('read')) {
      // Baselines over the whole log: a plain paged read + JSON.parse, and that + SHA-256 of each leaf.
      const read = await withPeakRss(() => plainRead(store, 2000));
      plainRate = read.result.count / read.result.seconds;
      record(whole('plain read + JSON.parse (baseline)', read.result.count, read.result.seconds, read.peakMb));
      const hashed = await withPeakRss(() => timed(() => forEachLeafBaseline(store)));
      leafBaseline = events / hashed.result.seconds;
      record(whole('read + SHA-256 of every leaf (baseline)', events, hashed.result.seconds, hashed.peakMb));
    }

    if (only.has('tree')) {
      // The audit tree as the server keeps it (projection runner over audit.sqlite), from scratch.
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${files.audit}${suffix}`, { force: true });
      const audit = AuditStore.open(files.audit);
      const runner = new ProjectionRunner(untilDeadline(store, Date.now() + budgets.tree), audit.db, [
        auditTreeProjection(audit),
      ]);
      const tree = await withPeakRss(() => timed(() => runner.catchUp()));
      record({
        ...partial('audit tree (SQLite projection)', audit.size, events, tree.result.seconds, tree.peakMb),
        ratioToLeafBaseline: leafBaseline && audit.size / tree.result.seconds / leafBaseline,
        auditBytes: fileBytes(files.audit),
      });
      log(`  audit.sqlite ${mb(fileBytes(files.audit))}`);
      audit.close();
    }

    if (only.has('verify')) {
      // `ledger verify --data-dir`: every leaf recomputed, every stored node compared.
      const audit = AuditStore.open(files.audit, { readonly: true });
      const reader = untilDeadline(store, Date.now() + budgets.verify);
      const verified = await withPeakRss(() =>
        timed(() => verifyStoredLog(reader, audit, { trustedKey: null, maxEvents: audit.size })),
      );
      const report = verified.result.result;
      const stopped = report.checked < audit.size;
      if (!report.ok && !(stopped && report.fault === 'TREE_BEYOND_LOG'))
        throw new Error(`verification failed: ${report.reason}`);
      record({
        ...partial(
          'verify against the stored tree',
          report.checked,
          audit.size,
          verified.result.seconds,
          verified.peakMb,
        ),
        ratioToLeafBaseline: leafBaseline && report.checked / verified.result.seconds / leafBaseline,
      });
      audit.close();
    }

    if (only.has('rebuild')) await rebuildPhase(config, store, events, budgets.rebuild, plainRate, record, results);
    writeFileSync(out, JSON.stringify({ machine: machine(), started, target, results }, null, 2));
    log(`figures in ${out}`);
    await store.close();
  } finally {
    if (process.env.SCALE_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
