import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrincipalUsage } from './principal-usage';

describe('PrincipalUsage (last used, outside the ledger)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'usage-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the last use per principal to the minute, in its own file that survives a reopen', () => {
    const file = join(dir, 'principal-usage.sqlite');
    const usage = new PrincipalUsage(file, 60_000);
    usage.used('p-1', new Date('2026-12-02T01:00:00.000Z'));
    usage.used('p-1', new Date('2026-12-02T01:00:30.000Z')); // within the minute: not written
    usage.used('p-2', new Date('2026-12-02T01:00:10.000Z'));
    expect(Object.fromEntries(usage.lastUsed())).toEqual({
      'p-1': '2026-12-02T01:00:00.000Z',
      'p-2': '2026-12-02T01:00:10.000Z',
    });
    usage.used('p-1', new Date('2026-12-02T01:01:00.000Z'));
    usage.close();
    const reopened = new PrincipalUsage(file);
    expect(reopened.lastUsed().get('p-1')).toBe('2026-12-02T01:01:00.000Z');
    // An older time never overwrites a newer one (two processes, clocks a little apart).
    reopened.used('p-1', new Date('2026-12-02T00:59:00.000Z'));
    expect(reopened.lastUsed().get('p-1')).toBe('2026-12-02T01:01:00.000Z');
    reopened.close();
  });
});
