import { dataFiles, AppConfig, loadConfig, clockSettingsFrom } from '@app/runtime';
import { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@app/ledger';
import {
  dumpReadModels,
  firstDifference,
  generationOf,
  openReadModelDb,
  ProjectionRunner,
  realReadModelFile,
  rebuildReadModels,
  readModelProjections,
} from '@app/projections';
import { createApp } from '../apps/api/src/create-app';
import { ReadModels } from '../apps/api/src/read-models/read-models.service';
import { DemoResult, runDemo } from '../apps/cli/src/demo/run-demo';

const register = resolve(__dirname, 'support/register-ts.js');
const cli = resolve(__dirname, '../apps/cli/src/main.ts');

function ledgerCommand(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, ['-r', register, cli, ...args], {
      env: { ...process.env, LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c) => (stdout += c));
    proc.stderr.on('data', (c) => (stderr += c));
    proc.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('ledger rebuild beside a running API', () => {
  let dataDir: string;
  let config: AppConfig;
  let app: INestApplication;
  let demo: DemoResult;
  let token: string;
  const http = () => request(app.getHttpServer());
  const readModels = () => app.get(ReadModels);
  const store = () => app.get<EventStore>(EVENT_STORE);
  const caughtUp = async () => {
    const head = (await store().head()).position;
    expect(await readModels().runner.waitFor(head, 20_000)).toBe(true);
    return head;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rebuild-e2e-'));
    config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent' });
    // The API builds its read models itself, incrementally, as it starts and as requests write.
    demo = await runDemo({ config, seed: 5, year: 2022, scale: 0.04, readModels: false });
    token = demo.principals.find((p) => p.role === 'registrar')!.token;
    app = await createApp(config);
    app.useLogger(false);
    await app.init();
    await caughtUp();
    for (let i = 0; i < 5; i++) await openMatter(`LIVE-${i}`);
    await caughtUp();
  }, 120_000);
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function openMatter(id: string): Promise<string> {
    const res = await http()
      .post('/api/v1/matters')
      .set('Authorization', `Bearer ${token}`)
      .send({
        id,
        category: 'urban_rural_construction',
        subject: '紫悦华府',
        responsibleUnit: 'dept-housing',
        summary: '反映紫悦华府逾期交房',
        petitioners: [{ name: '张三', phone: '13800000000' }],
        contact: { occurredAt: '2022-12-30T10:00:00+08:00', channel: 'online', source: 'national_platform' },
      })
      .expect(201);
    return res.body.position as string;
  }

  it('rebuilds every read model identical, table by table and row by row, to the one the API built incrementally', async () => {
    await caughtUp();
    const incremental = dumpReadModels(readModels().db);
    const result = await rebuildReadModels({
      store: store(),
      file: dataFiles(config).readModels,
      projections: readModelProjections(clockSettingsFrom(config)),
      swap: false,
    });
    const rebuilt = new Database(result.built, { readonly: true });
    try {
      const tables = dumpReadModels(rebuilt);
      expect(firstDifference(tables, incremental)).toBeNull();
      expect(tables).toEqual(incremental);
      expect(tables.matters.rows.length).toBe(demo.matters + 5);
    } finally {
      rebuilt.close();
      rmSync(result.built, { force: true });
    }
  });

  it('keeps answering reads and writes while `ledger rebuild` runs in another process, then serves the new generation', async () => {
    const file = dataFiles(config).readModels;
    const before = readModels().live.generation;
    const statuses: number[] = [];
    let written = '0';
    let running = true;
    const load = (async () => {
      for (let i = 0; running; i++) {
        const auth = { Authorization: `Bearer ${token}` };
        statuses.push((await http().get('/api/v1/units').set(auth)).status);
        statuses.push((await http().get('/api/v1/matters?limit=20&subject=紫悦华府').set(auth)).status);
        statuses.push(
          (
            await http()
              .get(`/api/v1/matters/LIVE-${i % 5}`)
              .set(auth)
          ).status,
        );
        statuses.push(
          (
            await http()
              .get(`/api/v1/matters/LIVE-${i % 5}/timeline`)
              .set(auth)
          ).status,
        );
        if (i % 4 === 0) {
          const res = await http()
            .post(`/api/v1/matters/LIVE-${i % 5}/contacts`)
            .set(auth)
            .send({
              contact: { occurredAt: '2022-12-31T10:00:00+08:00', channel: 'online', source: 'national_platform' },
            });
          statuses.push(res.status);
          if (res.status === 201) written = res.body.position;
        }
      }
    })();
    const rebuild = await ledgerCommand(dataDir, 'rebuild');
    // The server notices the swap within its poll interval; keep the load on across it.
    for (let i = 0; i < 100 && readModels().live.generation === before; i++)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    running = false;
    await load;

    expect(rebuild.stderr).toMatch(/rebuilding: [\d,]+ \/ [\d,]+ events \(\d+ %\), [\d,]+ events\/s, ETA/);
    expect(rebuild.code).toBe(0);
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s >= 300)).toEqual([]);
    expect(readModels().live.generation).not.toBe(before);
    expect(readModels().live.generation).toBe(generationOf(file));
    expect(realReadModelFile(file)).toMatch(/read-models\.sqlite\.rebuild-\d{8}T\d{9}Z$/);

    // Read-your-writes across the swap: the last contact written during the rebuild is there.
    const res = await http()
      .get(`/api/v1/matters/LIVE-0?minPosition=${written}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(BigInt(res.headers['x-ledger-position'])).toBeGreaterThanOrEqual(BigInt(written));

    // The new generation, caught up by the API, equals a build from scratch.
    const head = await caughtUp();
    const scratchDir = mkdtempSync(join(tmpdir(), 'rebuild-scratch-'));
    try {
      const projections = readModelProjections(clockSettingsFrom(config));
      const scratch = openReadModelDb(join(scratchDir, 'rm.sqlite'), projections).db;
      await new ProjectionRunner(store(), scratch, projections).catchUp();
      expect(readModels().live.position).toBe(head);
      expect(firstDifference(dumpReadModels(readModels().db), dumpReadModels(scratch))).toBeNull();
      scratch.close();
    } finally {
      rmSync(scratchDir, { recursive: true, force: true });
    }
    // The plain file the API started with is gone, with its -wal and -shm.
    expect(existsSync(`${file}-wal`)).toBe(false);
  }, 120_000);
});
