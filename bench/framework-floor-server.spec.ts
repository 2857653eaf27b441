import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBaselineServer } from './baseline-server';
import { fsyncLatencyUs, startFrameworkFloorServer } from './framework-floor-server';

describe('the HTTP benchmark servers', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'floor-spec-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['the framework floor', startFrameworkFloorServer],
    ['the baseline', startBaselineServer],
  ])('%s answers every concurrent write 201 with an id, and each is in the file', async (_, start) => {
    const file = join(dir, 'writes.sqlite');
    const server = await start(file);
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const res = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ n }),
        });
        return { status: res.status, body: (await res.json()) as { id: string } };
      }),
    );
    await server.close();
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const db = new Database(file, { readonly: true });
    const rows = db.prepare<[], { key: string; body: string }>('SELECT key, body FROM writes').all();
    db.close();
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set(answers.map((a) => a.body.id)));
    expect(rows.map((r) => (JSON.parse(r.body) as { n: number }).n).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, n) => n),
    );
  });

  it('measures a write and fdatasync of the disk in microseconds', () => {
    const { p50, p99 } = fsyncLatencyUs(dir, 20);
    expect(p50).toBeGreaterThan(0);
    expect(p99).toBeGreaterThanOrEqual(p50);
  });
});
