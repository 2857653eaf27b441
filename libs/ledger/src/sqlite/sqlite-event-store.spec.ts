import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore } from '../event-store.port';
import { describeEventStoreContract, newEvent } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const dirs = new Map<EventStore, string>();

describeEventStoreContract('sqlite', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-contract-'));
    const store = SqliteEventStore.open({ file: join(dir, 'ledger.sqlite'), pollIntervalMs: 20 });
    dirs.set(store, dir);
    return store;
  },
  async dispose(store) {
    await store.close();
    rmSync(dirs.get(store)!, { recursive: true, force: true });
    dirs.delete(store);
  },
});

describe('SqliteEventStore specifics', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets a reader in another connection see committed events, and a second writer cannot fork a stream', async () => {
    const file = join(dir, 'ledger.sqlite');
    const writer = SqliteEventStore.open({ file });
    const other = SqliteEventStore.open({ file });
    await writer.append('m', [newEvent('A', {})], 'no_stream');
    const reader = SqliteEventStore.open({ file, readonly: true });
    expect((await reader.readStream('m')).map((e) => e.type)).toEqual(['A']);
    await expect(other.append('m', [newEvent('B', {})], 'no_stream')).rejects.toMatchObject({ actual: 0 });
    await reader.close();
    await other.close();
    await writer.close();
  });

  it('refuses to update or delete an event in the file', async () => {
    const file = join(dir, 'ledger.sqlite');
    const store = SqliteEventStore.open({ file });
    await store.append('m', [newEvent('A', { n: 1 })], 'no_stream');
    await store.close();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE events SET body = '{}'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/immutable/);
    db.close();
  });

  it('records recordedAt from the server clock, never from the writer', async () => {
    const store = SqliteEventStore.open({
      file: join(dir, 'l.sqlite'),
      now: () => new Date('2022-04-03T01:30:00.000Z'),
    });
    await store.append('m', [newEvent('A', {}, { occurredAt: '2022-03-01T09:00:00+08:00' })], 'no_stream');
    const [event] = await store.readStream('m');
    expect(event.recordedAt).toBe('2022-04-03T01:30:00.000Z');
    expect(event.occurredAt).toBe('2022-03-01T09:00:00+08:00');
    await store.close();
  });
});
