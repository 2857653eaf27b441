import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { START } from '../event-envelope';
import { SqliteEventStore } from './sqlite-event-store';

const register = resolve(__dirname, '../../../../test/support/register-ts.js');
const writer = resolve(__dirname, 'kill-test-writer.ts');

function runAndKill(file: string, side: string, afterMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', register, writer, file, side], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
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
