import { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { domainEvent } from '@app/domain';
import { SqliteEventStore } from '@app/ledger';
import { loadConfig } from '@app/runtime';
import { createApp } from '../apps/api/src/create-app';
import { runDemo } from '../apps/cli/src/demo/run-demo';
import { cli, CliRun, register, runCli } from './support/run-cli';

function ledger(dataDir: string, ...args: string[]): Promise<CliRun> {
  return runCli({ LEDGER_DATA_DIR: dataDir }, ...args);
}

describe('`ledger demo`, then the API on its data', () => {
  let dataDir: string;
  let app: INestApplication;
  let tokens: Map<string, string>;
  let demo: Awaited<ReturnType<typeof ledger>>;
  let builtAt: string;
  let head: string;
  const http = () => request(app.getHttpServer());
  const as = (principal: string) => ({ Authorization: `Bearer ${tokens.get(principal)}` });

  beforeAll(async () => {
    // A data directory that does not exist yet, as on a new user's first run.
    dataDir = join(mkdtempSync(join(tmpdir(), 'demo-e2e-')), 'data');
    demo = await ledger(dataDir, 'demo', '--seed', '11', '--year', '2022', '--scale', '0.03');
    tokens = new Map(
      readFileSync(join(dataDir, 'demo-tokens.txt'), 'utf8')
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => line.split('\t'))
        .map(([, id, , token]) => [id, token]),
    );
    const rm = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
    builtAt = (rm.prepare('SELECT position FROM runner_state').get() as { position: string }).position;
    rm.close();
    const ledgerDb = new Database(join(dataDir, 'ledger.sqlite'), { readonly: true });
    head = String((ledgerDb.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number }).p);
    ledgerDb.close();
    app = await createApp(loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent' }));
    app.useLogger(false);
    await app.init();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dirname(dataDir), { recursive: true, force: true });
  });

  it('reports its progress on stderr and prints a login token for every principal', () => {
    expect(demo.code).toBe(0);
    expect(demo.stderr).toMatch(/ledger: 20\d\d-\d\d-\d\d, [\d,]+ events/);
    expect(demo.stderr).toMatch(/done: [\d,]+ events in/);
    expect(demo.stdout).toMatch(/青禾市: [\d,]+ matters, 2021-01-01 to 2022-12-31/);
    expect(demo.stdout).toMatch(/registrar registrar-1\s+pl_\S{43}/);
    expect(tokens.size).toBe(38);
    for (const token of tokens.values()) expect(demo.stdout).toContain(token);
    expect(statSync(join(dataDir, 'demo-tokens.txt')).mode & 0o777).toBe(0o600);
  });

  it('leaves the API ready at once, its read models already built', async () => {
    expect(builtAt).toBe(head);
    // The read models are up at the first probe; the audit tree is built by the server itself, so
    // full readiness follows once it has hashed the demo's events.
    const first = await http().get('/health/ready');
    expect(first.body.details.projections.status).toBe('up');
    let ready = first;
    for (let i = 0; i < 100 && ready.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await http().get('/health/ready');
    }
    expect(ready.status).toBe(200);
  });

  it('lets the printed tokens log in, each with its role and unit scope', async () => {
    const units = await http().get('/api/v1/units').set(as('registrar-1')).expect(200);
    expect(units.body).toHaveLength(30);
    expect(units.body.filter((u: { kind: string }) => u.kind === 'town')).toHaveLength(14);
    const hot = await http().get('/api/v1/matters?subject=紫悦华府&limit=5').set(as('registrar-1')).expect(200);
    expect(hot.body.items.length).toBeGreaterThan(0);
    const id = hot.body.items[0].id as string;
    // The registrar sees the petitioner the demo sealed through the API's own sealing.
    const full = await http().get(`/api/v1/matters/${id}`).set(as('registrar-1')).expect(200);
    expect(full.body.petitioners[0].name).toMatch(/^\p{Script=Han}{2,3}$/u);
    const masked = await http().get(`/api/v1/matters/${id}`).set(as('analyst-1')).expect(200);
    expect(masked.body.petitioners[0].name).toMatch(/^\p{Script=Han}\*+$/u);
    // A handler reads only its own unit's matters.
    const unit = full.body.assignedUnit as string;
    const own = await http()
      .get('/api/v1/matters?limit=500')
      .set(as(`handler-${unit}`))
      .expect(200);
    expect(own.body.items.every((m: { assignedUnit: string }) => m.assignedUnit === unit)).toBe(true);
    const other = unit === 'dept-hrss' ? 'handler-town-gaomiao' : 'handler-dept-hrss';
    await http().get(`/api/v1/matters/${id}`).set(as(other)).expect(403);
    const timeline = await http().get(`/api/v1/matters/${id}/timeline`).set(as('auditor-1')).expect(200);
    expect(timeline.body[0]).toMatchObject({ type: 'MatterOpened', actor: { id: 'registrar-1', role: 'registrar' } });
  });

  it('refuses to run again on the filled ledger', async () => {
    const again = await ledger(dataDir, 'demo', '--scale', '0.03');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds [\d,]+ events; the demo fills an empty ledger only/);
  });
});

describe('`ledger project`', () => {
  it('catches the read models up with progress, follows the log live, and stops cleanly on SIGINT', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'project-e2e-'));
    try {
      const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent' });
      const demo = await runDemo({ config, seed: 2, year: 2022, scale: 0.02, readModels: false });
      const proc = spawn(process.execPath, ['-r', register, cli, 'project', '--batch', '200'], {
        env: { ...process.env, LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      proc.stderr.on('data', (c) => (stderr += c));
      const exited = new Promise<number | null>((done) => proc.on('exit', (code) => done(code)));
      const until = async (pattern: RegExp) => {
        for (let i = 0; i < 300 && !pattern.test(stderr); i++) await new Promise((r) => setTimeout(r, 50));
        expect(stderr).toMatch(pattern);
      };
      await until(/following the log live/);
      expect(stderr).toMatch(
        /catching up .*read-models\.sqlite: [\d,]+ \/ [\d,]+ events \(\d+ %\), [\d,]+ events\/s, ETA/,
      );
      expect(stderr).toContain(`caught up: ${demo.events.toLocaleString('en-US')} events applied now`);

      // Another process appends; the runner picks it up from the log.
      const store = SqliteEventStore.open({ file: join(dataDir, 'ledger.sqlite') });
      for (const code of ['town-new-1', 'town-new-2', 'town-new-3']) {
        await store.append(
          `unit-${code}`,
          [
            {
              ...domainEvent('UnitRegistered', '2023-01-03T09:00:00+08:00', {
                code,
                name: '新区',
                kind: 'town',
                parent: null,
              }),
              actor: { id: 'admin', role: 'admin' },
            },
          ],
          'no_stream',
        );
      }
      const head = await store.head();
      await store.close();
      await until(/applied 3 new events/);
      proc.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).toContain(`stopped at position ${head.position}`);
      const rm = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
      expect(rm.prepare('SELECT position, next_index FROM runner_state').get()).toEqual({
        position: head.position.toString(),
        next_index: head.events,
      });
      expect(rm.prepare("SELECT COUNT(*) AS n FROM units WHERE code LIKE 'town-new-%'").get()).toEqual({ n: 3 });
      rm.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
