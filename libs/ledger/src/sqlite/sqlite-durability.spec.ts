import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson } from '../canonical-json';
import { START } from '../event-envelope';
import { SqliteEventStore } from './sqlite-event-store';

const register = resolve(__dirname, '../../../../test/support/register-ts.js');
const writer = resolve(__dirname, 'kill-test-writer.ts');
const groupWriter = resolve(__dirname, 'kill-test-group-writer.ts');

function runAndKill(file: string, side: string, afterMs: number, script = writer): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', register, script, file, side], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // The random moment counts from the end of module loading, which takes seconds on a loaded
    // machine: a timer started at spawn could kill every round before a single append.
    let timer: NodeJS.Timeout | undefined;
    child.stdout.once('data', () => (timer = setTimeout(() => child.kill('SIGKILL'), afterMs)));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') done();
      else fail(new Error(`writer exited on its own (code ${code}): ${stderr}`));
    });
  });
}

describe('SqliteEventStore durability under SIGKILL', () => {
  it('keeps every acknowledged append, without gaps, across 20 random kills', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-kill-'));
    const file = join(dir, 'ledger.sqlite');
    const side = join(dir, 'acknowledged.txt');
    try {
      for (let round = 0; round < 20; round++) {
        // Random moments: some kills land during start-up, most in the append loop.
        await runAndKill(file, side, 250 + Math.floor(Math.random() * 500));
      }
      expect(existsSync(side)).toBe(true);
      const acknowledged = readFileSync(side, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(' '));
      expect(acknowledged.length).toBeGreaterThan(20);

      const db = new Database(file);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();

      const store = SqliteEventStore.open({ file });
      const events = await store.readAll(START, 10_000_000);
      await store.close();
      const byPosition = new Map(events.map((e) => [e.position.toString(), e]));
      for (const [position, digest] of acknowledged) {
        const event = byPosition.get(position);
        expect(event).toBeDefined();
        expect(createHash('sha256').update(JSON.stringify(event!.data)).digest('hex')).toBe(digest);
      }
      events.forEach((event, i) => expect(event.position).toBe(BigInt(i + 1)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('SqliteEventStore group commit under SIGKILL', () => {
  it('keeps every acknowledged append of 16 concurrent writers, whole, across 12 random kills', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-group-kill-'));
    const file = join(dir, 'ledger.sqlite');
    const side = join(dir, 'acknowledged.txt');
    try {
      for (let round = 0; round < 12; round++) {
        await runAndKill(file, side, 300 + Math.floor(Math.random() * 500), groupWriter);
      }
      const acknowledged = readFileSync(side, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(' '));
      expect(acknowledged.length).toBeGreaterThan(16);

      const db = new Database(file);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();

      const store = SqliteEventStore.open({ file });
      const events = await store.readAll(START, 10_000_000);
      await store.close();
      // An acknowledged append's last event is at its position, with the other two just before it.
      const byPosition = new Map(events.map((e) => [e.position.toString(), e]));
      for (const [position, digest] of acknowledged) {
        const last = byPosition.get(position);
        expect(last).toBeDefined();
        const { part, ...data } = last!.data as { part: number };
        expect(part).toBe(2);
        expect(createHash('sha256').update(canonicalJson(data)).digest('hex')).toBe(digest);
      }
      // Nothing half-written: every append in the file (acknowledged or not) is there with all three events.
      const parts = new Map<string, number[]>();
      for (const event of events) {
        const { w, i, pid, part } = event.data as { w: number; i: number; pid: number; part: number };
        const key = `${pid}/${w}/${i}`;
        parts.set(key, [...(parts.get(key) ?? []), part]);
      }
      for (const seen of parts.values()) expect(seen).toEqual([0, 1, 2]);
      events.forEach((event, i) => expect(event.position).toBe(BigInt(i + 1)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
