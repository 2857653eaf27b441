import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WalSync } from './wal-sync';

/** An fsync that completes when the spec says so. */
function controlledFsync() {
  const calls: Array<{ resolve(): void; reject(error: Error): void }> = [];
  const fsync = () => new Promise<void>((resolve, reject) => calls.push({ resolve, reject }));
  return { calls, fsync };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('WalSync', () => {
  it('resolves a commit only once an fsync begun after it has completed', async () => {
    const { calls, fsync } = controlledFsync();
    const sync = new WalSync('ledger.sqlite-wal', fsync);
    let done = false;
    void sync.afterCommit().then(() => (done = true));
    await turn();
    expect(calls).toHaveLength(1);
    expect(done).toBe(false);
    expect(sync.unsynced).toBe(1);
    calls[0].resolve();
    await turn();
    expect(done).toBe(true);
    expect(sync.unsynced).toBe(0);
  });

  it('has the commits made while one fsync runs share the next one, settled in commit order', async () => {
    const { calls, fsync } = controlledFsync();
    const sync = new WalSync('ledger.sqlite-wal', fsync);
    const order: number[] = [];
    void sync.afterCommit().then(() => order.push(1));
    for (const n of [2, 3, 4]) void sync.afterCommit().then(() => order.push(n));
    expect(calls).toHaveLength(1);
    calls[0].resolve();
    await turn();
    // The first fsync began before commits 2-4 returned: it cannot stand for them.
    expect(order).toEqual([1]);
    expect(calls).toHaveLength(2);
    calls[1].resolve();
    await turn();
    expect(order).toEqual([1, 2, 3, 4]);
    await sync.settled();
  });

  it('refuses every later commit once an fsync failed', async () => {
    const { calls, fsync } = controlledFsync();
    const sync = new WalSync('ledger.sqlite-wal', fsync);
    const first = sync.afterCommit();
    calls[0].reject(new Error('EIO'));
    await expect(first).rejects.toThrow('EIO');
    await expect(sync.afterCommit()).rejects.toThrow('EIO');
    expect(calls).toHaveLength(1);
  });

  it('fsyncs the real file by default, on the thread pool and now', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wal-sync-'));
    try {
      const file = join(dir, 'x.sqlite-wal');
      writeFileSync(file, 'frames');
      const sync = new WalSync(file);
      await sync.afterCommit();
      sync.syncNow();
      expect(sync.unsynced).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
