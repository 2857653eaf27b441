import { EventEnvelope, NewEvent, START } from '../event-envelope';
import { EventStore } from '../event-store.port';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../errors';

export interface ContractHarness {
  /** A fresh, empty store. */
  open(): Promise<EventStore>;
  /** Called after each test with what `open` returned. */
  dispose?(store: EventStore): Promise<void>;
}

export function newEvent(type: string, data: unknown, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    type,
    version: 1,
    occurredAt: '2022-04-03T09:30:00+08:00',
    actor: { id: 'p-registrar', role: 'registrar' },
    data,
    ...overrides,
  };
}

async function take(iterable: AsyncIterable<EventEnvelope>, count: number): Promise<EventEnvelope[]> {
  const out: EventEnvelope[] = [];
  if (count === 0) return out;
  for await (const event of iterable) {
    out.push(event);
    if (out.length === count) break;
  }
  return out;
}

/**
 * What every EventStore adapter must do. Run it once per adapter:
 * `describeEventStoreContract('sqlite', harness)`.
 */
export function describeEventStoreContract(adapter: string, harness: ContractHarness): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await harness.dispose?.(store);
    });

    describe('append and read a stream', () => {
      it('numbers revisions from 0 and returns the revision and global position of the last event', async () => {
        const first = await store.append('matter-1', [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })], 'no_stream');
        expect(first.revision).toBe(1);
        const second = await store.append('matter-1', [newEvent('C', { n: 3 })], 1);
        expect(second.revision).toBe(2);
        expect(second.position > first.position).toBe(true);
        const events = await store.readStream('matter-1');
        expect(events.map((e) => [e.type, e.revision, e.data])).toEqual([
          ['A', 0, { n: 1 }],
          ['B', 1, { n: 2 }],
          ['C', 2, { n: 3 }],
        ]);
        expect((await store.readStream('matter-1', 2)).map((e) => e.type)).toEqual(['C']);
      });

      it('keeps the envelope: actor, occurredAt, causation, correlation, metadata, and sets recordedAt', async () => {
        await store.append(
          'matter-env',
          [
            newEvent(
              'A',
              { x: 1 },
              {
                eventId: '0b6f8a0e-3f0e-4c52-9d6e-6d7c1f1f0a01',
                causationId: 'cause-1',
                correlationId: 'corr-1',
                metadata: { requestId: 'r1' },
                occurredAt: '2022-01-28T10:00:00+08:00',
              },
            ),
          ],
          'no_stream',
        );
        const [event] = await store.readStream('matter-env');
        expect(event).toMatchObject({
          eventId: '0b6f8a0e-3f0e-4c52-9d6e-6d7c1f1f0a01',
          stream: 'matter-env',
          revision: 0,
          type: 'A',
          version: 1,
          occurredAt: '2022-01-28T10:00:00+08:00',
          actor: { id: 'p-registrar', role: 'registrar' },
          causationId: 'cause-1',
          correlationId: 'corr-1',
          metadata: { requestId: 'r1' },
          data: { x: 1 },
        });
        expect(Number.isNaN(Date.parse(event.recordedAt))).toBe(false);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream('matter-nope')).toEqual([]);
      });
    });

    describe('optimistic concurrency', () => {
      it('refuses no_stream on an existing stream with the actual revision', async () => {
        await store.append('s', [newEvent('A', {})], 'no_stream');
        const error = await store.append('s', [newEvent('B', {})], 'no_stream').catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream: 's', expected: 'no_stream', actual: 0 });
      });

      it('refuses a stale revision and a revision on a missing stream', async () => {
        await store.append('s', [newEvent('A', {}), newEvent('B', {})], 'no_stream');
        await expect(store.append('s', [newEvent('C', {})], 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
        await expect(store.append('t', [newEvent('C', {})], 0)).rejects.toMatchObject({ actual: 'no_stream' });
      });

      it('lets exactly one of two writers racing on one revision win; the loser appended nothing', async () => {
        await store.append('race', [newEvent('A', {})], 'no_stream');
        const results = await Promise.allSettled([
          store.append('race', [newEvent('B', { writer: 1 })], 0),
          store.append('race', [newEvent('B', { writer: 2 })], 0),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream('race')).toHaveLength(2);
      });

      it("appends at any revision with 'any'", async () => {
        await store.append('free', [newEvent('A', {})], 'any');
        const result = await store.append('free', [newEvent('B', {})], 'any');
        expect(result.revision).toBe(1);
      });
    });

    describe('idempotency', () => {
      it('returns the first result for the same key and events, and appends nothing', async () => {
        const first = await store.append('idem', [newEvent('A', { v: 1 })], 'no_stream', { idempotencyKey: 'k1' });
        const headBefore = await store.head();
        const again = await store.append('idem', [newEvent('A', { v: 1 })], 'no_stream', { idempotencyKey: 'k1' });
        expect(again).toEqual({ ...first, replayed: true });
        expect((await store.head()).position).toBe(headBefore.position);
        expect(await store.findIdempotency('k1')).toMatchObject({
          stream: 'idem',
          revision: 0,
          position: first.position,
        });
      });

      it('refuses the same key with different events with a typed conflict, appending nothing', async () => {
        await store.append('idem2', [newEvent('A', { v: 1 })], 'no_stream', { idempotencyKey: 'k2' });
        const before = await store.head();
        await expect(
          store.append('idem2', [newEvent('A', { v: 2 })], 'any', { idempotencyKey: 'k2' }),
        ).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect((await store.head()).events).toBe(before.events);
      });

      it('compares by the fingerprint given by the caller when there is one', async () => {
        await store.append('idem3', [newEvent('A', { iv: 'x' })], 'no_stream', {
          idempotencyKey: 'k3',
          fingerprint: 'req-1',
        });
        const again = await store.append('idem3', [newEvent('A', { iv: 'y' })], 'no_stream', {
          idempotencyKey: 'k3',
          fingerprint: 'req-1',
        });
        expect(again.replayed).toBe(true);
        await expect(
          store.append('idem3', [newEvent('A', {})], 'any', { idempotencyKey: 'k3', fingerprint: 'req-2' }),
        ).rejects.toBeInstanceOf(IdempotencyConflictError);
      });
    });

    describe('the global log', () => {
      it('orders all streams in one global order and reads ranges from a position', async () => {
        await store.append('a', [newEvent('A1', {})], 'no_stream');
        await store.append('b', [newEvent('B1', {})], 'no_stream');
        await store.append('a', [newEvent('A2', {}), newEvent('A3', {})], 0);
        const all = await store.readAll(START, 100);
        expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'A2', 'A3']);
        for (let i = 1; i < all.length; i++) expect(all[i].position > all[i - 1].position).toBe(true);
        const page = await store.readAll(all[1].position, 2);
        expect(page.map((e) => e.type)).toEqual(['B1', 'A2']);
        expect(await store.readAll(all[3].position + 1n, 10)).toEqual([]);
        const head = await store.head();
        expect(head).toEqual({ position: all[3].position, events: 4, streams: 2 });
      });

      it('reports an empty ledger at the start', async () => {
        expect(await store.head()).toEqual({ position: START, events: 0, streams: 0 });
      });
    });

    describe('subscriptions', () => {
      it('catches up, then follows live, with no gap and no duplicate across the switch', async () => {
        for (let i = 0; i < 25; i++) await store.append(`s-${i % 3}`, [newEvent('Old', { i })], 'any');
        const controller = new AbortController();
        const received: EventEnvelope[] = [];
        const consumer = (async () => {
          for await (const e of store.subscribe(START, { batchSize: 7, signal: controller.signal })) {
            received.push(e);
            if (received.length === 60) controller.abort();
          }
        })();
        // Write live events while the subscriber is still catching up, and after.
        for (let i = 0; i < 35; i++) {
          await store.append(`s-${i % 4}`, [newEvent('New', { i })], 'any');
          if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
        }
        await consumer;
        const all = await store.readAll(START, 1000);
        expect(received.map((e) => e.position)).toEqual(all.map((e) => e.position));
        expect(new Set(received.map((e) => e.eventId)).size).toBe(60);
      });

      it('starts from a given position', async () => {
        await store.append('x', [newEvent('A', {}), newEvent('B', {}), newEvent('C', {})], 'no_stream');
        const all = await store.readAll(START, 10);
        const got = await take(store.subscribe(all[1].position), 2);
        expect(got.map((e) => e.type)).toEqual(['B', 'C']);
      });
    });

    describe('payloads', () => {
      it('round-trips Chinese text byte for byte', async () => {
        const text = '群众反映拖欠农民工工资及工程款问题，涉及紫悦华府、悦龙台 🏠 \u2028 "quoted" \\';
        await store.append('cn', [newEvent('ContactRecorded', { summary: text, 单位: '信访局' })], 'no_stream');
        const [event] = await store.readStream('cn');
        expect(
          Buffer.from(JSON.stringify(event.data), 'utf8').equals(
            Buffer.from(JSON.stringify({ summary: text, 单位: '信访局' }), 'utf8'),
          ),
        ).toBe(true);
        expect(event.data).toEqual({ summary: text, 单位: '信访局' });
      });

      it('stores and reads an event of 1 MB', async () => {
        const big = 'x'.repeat(1024 * 1024);
        await store.append('big', [newEvent('Big', { big })], 'no_stream');
        const [event] = await store.readStream('big');
        expect((event.data as { big: string }).big).toBe(big);
      });
    });

    describe('bad input', () => {
      it('refuses an empty batch, a bad expected revision and an event without a type, appending nothing', async () => {
        await expect(store.append('bad', [], 'any')).rejects.toThrow(/at least one event/);
        await expect(store.append('bad', [newEvent('A', {})], -1 as never)).rejects.toThrow(/expected revision/);
        await expect(store.append('bad', [newEvent('', {})], 'any')).rejects.toThrow(/type/);
        expect((await store.head()).events).toBe(0);
      });
    });
  });
}
