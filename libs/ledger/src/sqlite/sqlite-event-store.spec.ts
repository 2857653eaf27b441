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

  it('keeps its head right while this and other connections append, counting only what is new', async () => {
    const file = join(dir, 'ledger.sqlite');
    const writer = SqliteEventStore.open({ file });
    const other = SqliteEventStore.open({ file });
    const reader = SqliteEventStore.open({ file, readonly: true });
    const counted = () => {
      const db = new Database(file, { readonly: true });
      const events = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events').get()!.n;
      const streams = db.prepare<[], { n: number }>('SELECT COUNT(DISTINCT stream) AS n FROM events').get()!.n;
      db.close();
      return { events, streams };
    };
    expect(await reader.head()).toEqual({ position: 0n, events: 0, streams: 0 });
    await writer.append('m-1', [newEvent('A', {}), newEvent('B', {})], 'no_stream');
    expect(await reader.head()).toEqual({ position: 2n, events: 2, streams: 1 });
    expect(await writer.head()).toEqual({ position: 2n, events: 2, streams: 1 });
    // Appends by another connection, to a new stream and to an old one, reach both counts.
    await other.append('m-2', [newEvent('A', {})], 'no_stream');
    await other.append('m-1', [newEvent('C', {})], 1);
    await writer.append('m-3', [newEvent('A', {}), newEvent('B', {}), newEvent('C', {})], 'no_stream');
    for (const store of [reader, writer, other]) expect(await store.head()).toEqual({ position: 7n, ...counted() });
    expect(counted()).toEqual({ events: 7, streams: 3 });
    // Nothing new: the same head again.
    expect(await reader.head()).toEqual({ position: 7n, events: 7, streams: 3 });
    await Promise.all([reader.close(), other.close(), writer.close()]);
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

  describe('fsync off the event loop (synchronous=NORMAL + WalSync)', () => {
    it('acknowledges an append only after its fsync, and a reader holding the durable mark does not see it before', async () => {
      const file = join(dir, 'd.sqlite');
      const store = SqliteEventStore.open({ file, maxGroupSize: 1 });
      await store.append('m', [newEvent('A', { n: 1 })], 'no_stream');
      const follower = SqliteEventStore.open({ file, readonly: true, durableMark: store.durableMark.buffer });
      const plain = SqliteEventStore.open({ file, readonly: true });
      let acknowledged = false;
      // maxGroupSize 1: the append commits at once, inside append(); its fsync completes on a later turn.
      const second = store.append('m', [newEvent('A', { n: 2 })], 0).then((r) => ((acknowledged = true), r));
      expect(store.durableMark.get()).toBe(1n);
      expect((await plain.readAll(1n, 10)).map((e) => e.position)).toEqual([1n, 2n]);
      expect((await follower.readAll(1n, 10)).map((e) => e.position)).toEqual([1n]);
      expect(acknowledged).toBe(false);
      expect((await second).position).toBe(2n);
      expect(store.durableMark.get()).toBeNull();
      expect((await follower.readAll(1n, 10)).map((e) => e.position)).toEqual([1n, 2n]);
      await Promise.all([follower.close(), plain.close()]);
      await store.close();
    });

    it('answers an idempotency key whose write is still being synced only once it is durable', async () => {
      const store = SqliteEventStore.open({ file: join(dir, 'i.sqlite'), maxGroupSize: 1 });
      const first = store.append('m', [newEvent('A', {})], 'no_stream', { idempotencyKey: 'k-1' });
      expect(store.durableMark.get()).toBe(0n);
      const seen = await store.findIdempotency('k-1');
      // Found while the write's fsync ran; answered after it completed (nothing is waiting any more).
      expect(store.durableMark.get()).toBeNull();
      expect(seen).toMatchObject({ stream: 'm', revision: 0, position: 1n });
      await first;
      await store.close();
    });
  });

  describe('group commit', () => {
    it('writes concurrent appends in fewer commits, each acknowledged with its own position', async () => {
      const store = SqliteEventStore.open({ file: join(dir, 'g.sqlite') });
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) => store.append(`s-${i}`, [newEvent('A', { i })], 'no_stream')),
      );
      expect(results.map((r) => r.position)).toEqual(Array.from({ length: 16 }, (_, i) => BigInt(i + 1)));
      expect(store.commits).toBeLessThan(16);
      const events = await store.readAll(1n, 100);
      expect(events.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 16 }, (_, i) => i));
      await store.close();
    });

    it('checks each append against the ones before it in the same group; a refused one rolls back alone', async () => {
      const store = SqliteEventStore.open({ file: join(dir, 'g.sqlite') });
      const outcomes = await Promise.allSettled([
        store.append('m', [newEvent('A', { n: 1 }), newEvent('A', { n: 2 })], 'no_stream'),
        store.append('m', [newEvent('B', {})], 'no_stream'),
        store.append('m', [newEvent('C', {})], 1),
        store.append('m', [newEvent('D', {})], 1),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ expected: 'no_stream', actual: 1 });
      expect((outcomes[3] as PromiseRejectedResult).reason).toMatchObject({ expected: 1, actual: 2 });
      expect((await store.readStream('m')).map((e) => e.type)).toEqual(['A', 'A', 'C']);
      expect(store.commits).toBe(1);
      await store.close();
    });

    it('answers a key used twice in one group with the first write, and refuses it for other events', async () => {
      const store = SqliteEventStore.open({ file: join(dir, 'g.sqlite') });
      const [first, replay, reused] = await Promise.allSettled([
        store.append('m-1', [newEvent('A', { n: 1 })], 'no_stream', { idempotencyKey: 'k' }),
        store.append('m-1', [newEvent('A', { n: 1 })], 'no_stream', { idempotencyKey: 'k' }),
        store.append('m-2', [newEvent('A', { n: 2 })], 'no_stream', { idempotencyKey: 'k' }),
      ]);
      expect(first).toMatchObject({ status: 'fulfilled', value: { replayed: false, position: 1n } });
      expect(replay).toMatchObject({ status: 'fulfilled', value: { replayed: true, position: 1n, revision: 0 } });
      expect(reused.status).toBe('rejected');
      expect((await store.head()).events).toBe(1);
      await store.close();
    });

    it('writes appends still queued when the store closes', async () => {
      const file = join(dir, 'g.sqlite');
      const store = SqliteEventStore.open({ file });
      const pending = store.append('m', [newEvent('A', {})], 'no_stream');
      await store.close();
      await expect(pending).resolves.toMatchObject({ position: 1n });
      const reopened = SqliteEventStore.open({ file, readonly: true });
      expect((await reopened.head()).events).toBe(1);
      await reopened.close();
    });

    it('keeps groups to maxGroupSize appends', async () => {
      const store = SqliteEventStore.open({ file: join(dir, 'g.sqlite'), maxGroupSize: 4 });
      await Promise.all(Array.from({ length: 10 }, (_, i) => store.append(`s-${i}`, [newEvent('A', {})], 'any')));
      expect(store.commits).toBe(3);
      await store.close();
    });
  });
});
