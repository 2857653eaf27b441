import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { dataFiles, loadConfig } from '@app/runtime';
import { createApp } from '../apps/api/src/create-app';
import { startBaselineServer } from './baseline-server';
import { fsyncLatencyUs, startFrameworkFloorServer } from './framework-floor-server';
import { Figure, percentile } from './bench-harness';

export interface HttpWritesBenchOptions {
  seconds: number;
  clients: number;
  /**
   * Slices each side's time is cut into, alternating baseline and app (default 3): on a
   * shared machine the load changes within a minute, and alternating lets both sides
   * meet the same conditions.
   */
  slices?: number;
}

interface LoadResult {
  ok: number;
  errors: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
  cpuMs: number;
}

/** The slices of one side pooled: counts and time summed, percentiles over every latency. */
function pooled(slices: LoadResult[]): LoadResult {
  const latenciesMs = slices.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const slice of slices)
    for (const [status, n] of Object.entries(slice.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return {
    ok: slices.reduce((n, s) => n + s.ok, 0),
    errors: slices.reduce((n, s) => n + s.errors, 0),
    seconds: slices.reduce((n, s) => n + s.seconds, 0),
    p50Ms: percentile(latenciesMs, 0.5),
    p99Ms: percentile(latenciesMs, 0.99),
    statuses,
    latenciesMs,
    cpuMs: slices.reduce((n, s) => n + s.cpuMs, 0),
  };
}

const ADMIN_TOKEN = 'bench-admin-token-0123456789';

const MATTER = {
  category: 'labour_social_security',
  subject: '紫悦华府',
  responsibleUnit: 'town-a',
  summary: '反映拖欠农民工工资问题',
  petitioners: [{ name: '张三丰', idNumber: '11010119900307123X', phone: '13812345678' }],
  contact: { occurredAt: '2022-03-01T09:30:00+08:00', channel: 'visit', level: 'city', headcount: 12 },
};

/** Runs the load generator in its own process against `url` and returns what it measured. */
function load(url: string, token: string, options: { seconds: number; clients: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(__dirname, 'load-generator.js'),
        url,
        String(options.seconds),
        String(options.clients),
        token,
        JSON.stringify(MATTER),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited ${code}`)),
    );
  });
}

async function post(base: string, path: string, token: string, body: unknown): Promise<{ token?: string }> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token?: string };
}

/**
 * POST /matters through the whole app (auth, validation, sealing of personal data,
 * the decider, the ledger; read models and audit tree following on the projection
 * worker) against the minimal durable server, both driven by the same load generator,
 * in alternating slices.
 */
export async function benchHttpWrites(
  options: HttpWritesBenchOptions,
  progress: (line: string) => void,
): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'http-bench-'));
  try {
    const slices = Math.max(1, options.slices ?? 3);
    const slice = { seconds: options.seconds / slices, clients: options.clients };
    const baselineServer = await startBaselineServer(join(dir, 'baseline.sqlite'));
    const floorServer = await startFrameworkFloorServer(join(dir, 'floor.sqlite'));
    const disk = fsyncLatencyUs(dir);

    const dataDir = join(dir, 'app');
    const app = await createApp(
      loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_ADMIN_TOKEN: ADMIN_TOKEN, LEDGER_LOG_LEVEL: 'silent' }),
    );
    app.useLogger(false);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const api = `http://127.0.0.1:${port}/api/v1`;
    await post(api, '/units', ADMIN_TOKEN, { code: 'town-a', name: '城关镇', kind: 'town' });
    const { token } = await post(api, '/principals', ADMIN_TOKEN, { name: '登记员 王', role: 'registrar' });
    const baseSlices: LoadResult[] = [];
    const floorSlices: LoadResult[] = [];
    const ownSlices: LoadResult[] = [];
    // CPU of this process (every thread: event loop, projection worker, thread pool, GC) while
    // each side is under load; the other side is idle meanwhile. Per acknowledged request it
    // says what a write costs, whatever else the machine is running.
    const cpuMs = { base: 0, floor: 0, own: 0 };
    const measured = async (side: keyof typeof cpuMs, run: Promise<LoadResult>) => {
      const before = process.cpuUsage();
      const result = await run;
      const used = process.cpuUsage(before);
      cpuMs[side] += (used.user + used.system) / 1000;
      return result;
    };
    for (let i = 0; i < slices; i++) {
      progress(
        `  slice ${i + 1}/${slices}: baseline, framework floor, then POST /matters, ${options.clients} clients, ${slice.seconds.toFixed(1)} s each`,
      );
      baseSlices.push(await measured('base', load(baselineServer.url, '', slice)));
      floorSlices.push(await measured('floor', load(floorServer.url, '', slice)));
      ownSlices.push(await measured('own', load(`${api}/matters`, token!, slice)));
    }
    const base = pooled(baseSlices);
    const own = pooled(ownSlices);
    const floor = pooled(floorSlices);
    await baselineServer.close();
    await floorServer.close();
    await app.close();

    // Every acknowledged write is in the file (read after the app has closed).
    const db = new Database(dataFiles({ dataDir }).ledger, { readonly: true });
    const opened = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM events WHERE type = 'MatterOpened'").get()!
      .n;
    db.close();
    const durable = opened >= own.ok ? 'every acknowledged write in the file' : `LOST WRITES: ${opened} < ${own.ok}`;

    const cpuPerWrite = (side: keyof typeof cpuMs, result: LoadResult) =>
      (cpuMs[side] / Math.max(1, result.ok)).toFixed(2);
    // The server's CPU per write that would let it keep the baseline's rate on this machine: its
    // cores, less what the load generator spends per request.
    const clientMs = own.cpuMs / Math.max(1, own.ok);
    const budgetMs = (cpus().length * 1000 * base.seconds) / Math.max(1, base.ok) - clientMs;
    const baseline = { name: 'node:http + one durable INSERT per request', count: base.ok, seconds: base.seconds };
    return [
      {
        name: `HTTP POST /matters, ${options.clients} clients`,
        count: own.ok,
        seconds: own.seconds,
        unit: 'requests/s',
        baseline,
        target: 1,
        note: `${slices} alternating slices; p50 ${own.p50Ms.toFixed(1)} ms, p99 ${own.p99Ms.toFixed(1)} ms (baseline p50 ${base.p50Ms.toFixed(1)}, p99 ${base.p99Ms.toFixed(1)}; target p99 ≤ 2×: ${own.p99Ms <= 2 * base.p99Ms ? '✔' : '✘'}); errors ${own.errors}/${base.errors}; server CPU ${cpuPerWrite('own', own)} ms per write (baseline ${cpuPerWrite('base', base)}); ${durable}; CPU budget per write at the baseline's rate: ${budgetMs.toFixed(2)} ms (${cpus().length} cores, less the load generator's ${clientMs.toFixed(2)} ms per request); disk: 4 KiB write + fdatasync p50 ${disk.p50.toFixed(0)} µs, p99 ${disk.p99.toFixed(0)} µs`,
      },
      {
        name: `framework floor (Nest 11 + Express), ${options.clients} clients`,
        count: floor.ok,
        seconds: floor.seconds,
        unit: 'requests/s',
        baseline,
        note: `the baseline's one durable INSERT per request behind the app's framework and body parser, nothing of the app; p50 ${floor.p50Ms.toFixed(1)} ms, p99 ${floor.p99Ms.toFixed(1)} ms; errors ${floor.errors}; server CPU ${cpuPerWrite('floor', floor)} ms per write`,
      },
      {
        name: `POST /matters against the framework floor`,
        count: own.ok,
        seconds: own.seconds,
        unit: 'requests/s',
        baseline: { name: 'framework floor', count: floor.ok, seconds: floor.seconds },
        note: `what a write's own work costs (auth, validation, sealing, two durable stores, the ledger, the read models and audit tree on the projection worker): ${cpuPerWrite('own', own)} against ${cpuPerWrite('floor', floor)} ms of server CPU per write`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
