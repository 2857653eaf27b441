import { dataFiles, loadConfig, clockSettingsFrom } from '@app/runtime';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@app/ledger';
import {
  dumpReadModels,
  firstDifference,
  openReadModelDb,
  ProjectionRunner,
  readModelProjections,
} from '@app/projections';
import { runDemo } from '../apps/cli/src/demo/run-demo';
import { appliedCounter } from './support/applied-counter';

const register = resolve(__dirname, 'support/register-ts.js');
const child = resolve(__dirname, 'support/projection-runner-child.ts');

interface Round {
  killed: boolean;
  from: number;
}

/** One run of the child: killed by itself at `killAt`, or by us `afterMs` after it started applying. */
function run(dataDir: string, batch: number, kill: { killAt?: number; afterMs?: number }): Promise<Round> {
  return new Promise((done, fail) => {
    const args = [
      '-r',
      register,
      child,
      dataDir,
      String(batch),
      ...(kill.killAt !== undefined ? [String(kill.killAt)] : []),
    ];
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let from = -1;
    let timer: NodeJS.Timeout | null = null;
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const ready = /ready (\d+)/.exec(out);
      if (ready && from < 0) {
        from = Number(ready[1]);
        if (kill.afterMs !== undefined) timer = setTimeout(() => proc.kill('SIGKILL'), kill.afterMs);
      }
    });
    proc.stderr.on('data', (chunk) => (err += chunk));
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') done({ killed: true, from });
      else if (code === 0 && /done \d+/.test(out)) done({ killed: false, from });
      else fail(new Error(`runner child exited with ${code ?? signal}: ${err}`));
    });
  });
}

function checkpoint(file: string): { position: string; next_index: number } {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT position, next_index FROM runner_state').get() as {
      position: string;
      next_index: number;
    };
  } finally {
    db.close();
  }
}

describe('the projection runner under SIGKILL', () => {
  it('resumes after ≥ 20 kills at random moments with read models equal to a clean build: nothing lost, nothing twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'runner-kill-'));
    const cleanDir = mkdtempSync(join(tmpdir(), 'runner-clean-'));
    try {
      const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent' });
      await runDemo({ config, seed: 3, year: 2022, scale: 0.06, readModels: false });
      const store = SqliteEventStore.open({ file: join(dataDir, 'ledger.sqlite'), readonly: true });
      const head = await store.head();
      expect(head.events).toBeGreaterThan(2000);

      // The reference: every read model built in one go, from scratch.
      const projections = [...readModelProjections(clockSettingsFrom(config)), appliedCounter];
      const clean = openReadModelDb(join(cleanDir, 'read-models.sqlite'), projections).db;
      await new ProjectionRunner(store, clean, projections, { batchSize: 500 }).catchUp();
      const reference = dumpReadModels(clean);
      clean.close();
      await store.close();

      const file = dataFiles(config).readModels;
      let kills = 0;
      let midTransaction = 0;
      for (let round = 0; kills < 24 && round < 60; round++) {
        const applied = round === 0 ? 0 : checkpoint(file).next_index;
        if (applied >= head.events) break;
        const batch = 1 + Math.floor(Math.random() * 40);
        // Two rounds in three kill inside a batch's transaction at a random event still to come;
        // the third at a random moment (between batches, in a read, or inside one), with a kill
        // at a later event as a backstop: a fast runner must not finish the log before the timer.
        const inside = round % 3 !== 2;
        const step = Math.max(1, Math.floor((head.events - applied) / Math.max(1, 26 - kills)));
        const kill = inside
          ? { killAt: applied + 1 + Math.floor(Math.random() * step) }
          : { afterMs: Math.floor(Math.random() * 120), killAt: applied + step };
        const result = await run(dataDir, batch, kill);
        if (result.killed) kills += 1;
        if (result.killed && inside) midTransaction += 1;
        // Whatever the moment, the checkpoint never runs ahead of the rows nor falls behind them.
        expect(checkpoint(file).next_index).toBeGreaterThanOrEqual(applied);
      }
      expect(kills).toBeGreaterThanOrEqual(20);
      expect(midTransaction).toBeGreaterThanOrEqual(10);

      // Resumed once more without a kill, it finishes the log.
      const last = await run(dataDir, 25, {});
      expect(last.killed).toBe(false);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const resumed = dumpReadModels(db);
      db.close();
      expect(checkpoint(file)).toEqual({ position: head.position.toString(), next_index: head.events });
      expect(resumed.applied_counter.rows).toEqual([[1, head.events]]);
      expect(firstDifference(resumed, reference)).toBeNull();
      expect(resumed).toEqual(reference);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(cleanDir, { recursive: true, force: true });
    }
  }, 300_000);
});
