import { AppendTooLargeError, EventEnvelope, START, WrongExpectedRevisionError } from '@app/ledger';
import { EsdbEventStore, parseStoreUrl } from '@app/ledger/eventstoredb';
import { newEvent } from '@app/ledger/testing';
import { EsdbTestCluster, EsdbTestNode } from './support/esdb-test-server';

// What the contract suite cannot show: faults on the wire, the server's own events,
// the size limit and the crash between an append and its idempotency record.
describe('eventstoredb adapter: faults and server semantics (through the real client)', () => {
  let node: EsdbTestNode;
  const stores: EsdbEventStore[] = [];
  const open = (extra: Partial<Parameters<typeof EsdbEventStore.open>[0]> = {}) => {
    const store = EsdbEventStore.open({ connectionString: node.connectionString, backoffMs: 10, ...extra });
    stores.push(store);
    return store;
  };
  beforeEach(async () => {
    node = await EsdbTestNode.start({ systemEventEvery: 2 });
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await node.stop();
  });

  it("keeps the server's $ events out of reads, head and subscriptions, though they are in $all", async () => {
    const store = open();
    for (let i = 0; i < 6; i++) await store.append(`m-${i}`, [newEvent('A', { i })], 'no_stream');
    const raw = node.log.events.map((e) => e.type);
    expect(raw.filter((t) => t.startsWith('$')).length).toBeGreaterThanOrEqual(6);
    const all = await store.readAll(START, 100);
    expect(all.map((e) => e.data)).toEqual([0, 1, 2, 3, 4, 5].map((i) => ({ i })));
    expect(await store.head()).toEqual({ position: all[5].position, events: 6, streams: 6 });
    const got = [];
    for await (const e of store.subscribe(START, { batchSize: 2 })) {
      got.push(e);
      if (got.length === 6) break;
    }
    expect(got.map((e) => e.position)).toEqual(all.map((e) => e.position));
  });

  it('reads "just after" a position from a store that never saw it (a restarted consumer)', async () => {
    const writer = open();
    await writer.append('a', [newEvent('A', {}), newEvent('B', {}), newEvent('C', {})], 'no_stream');
    const [first] = await writer.readAll(START, 1);
    const fresh = open();
    expect((await fresh.readAll(first.position + 1n, 10)).map((e) => e.type)).toEqual(['B', 'C']);
    expect((await fresh.readAll(first.position, 10)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
  });

  it('resubscribes after the connection drops mid-subscription: no gap, no duplicate', async () => {
    const store = open();
    for (let i = 0; i < 5; i++) await store.append('s', [newEvent('Old', { i })], 'any');
    const controller = new AbortController();
    const received: EventEnvelope[] = [];
    const consumer = (async () => {
      for await (const e of store.subscribe(START, { batchSize: 2, signal: controller.signal })) {
        received.push(e);
        if (received.length === 20) controller.abort();
      }
    })();
    const waitFor = async (cond: () => boolean) => {
      while (!cond()) await new Promise((r) => setTimeout(r, 5));
    };
    await waitFor(() => node.liveSubscriptions() === 1 && received.length === 5);
    for (let i = 0; i < 5; i++) await store.append('s', [newEvent('Live', { i })], 'any');
    await waitFor(() => received.length === 10);
    expect(node.dropSubscriptions()).toBe(1);
    // Written while nobody is subscribed: the resubscription must catch up on them.
    for (let i = 5; i < 10; i++) await store.append('s', [newEvent('Live', { i })], 'any');
    await waitFor(() => node.liveSubscriptions() === 1);
    expect(node.calls.subscribe).toBeGreaterThanOrEqual(2);
    for (let i = 10; i < 15; i++) await store.append('s', [newEvent('Live', { i })], 'any');
    await consumer;
    const all = await store.readAll(START, 100);
    expect(received.map((e) => e.position)).toEqual(all.map((e) => e.position));
    expect(new Set(received.map((e) => e.eventId)).size).toBe(20);
  });

  it('retries a call answered UNAVAILABLE, and an append is written once', async () => {
    const store = open();
    node.inject('append', { kind: 'unavailable' }, 2);
    node.inject('read', { kind: 'unavailable' }, 2);
    const result = await store.append('u', [newEvent('A', {})], 'no_stream');
    expect(result.revision).toBe(0);
    expect((await store.readStream('u')).map((e) => e.type)).toEqual(['A']);
    expect(node.calls.append).toBe(3);
  });

  it("gives up after its attempts with the client's error, appending nothing", async () => {
    const store = open({ retryAttempts: 2 });
    node.inject('append', { kind: 'unavailable' }, 2);
    await expect(store.append('u', [newEvent('A', {})], 'no_stream')).rejects.toThrow(/unavailable/i);
    expect(await store.readStream('u')).toEqual([]);
  });

  it('maps WrongExpectedVersion to our typed error with "no_stream" as the actual revision', async () => {
    const store = open();
    const error = await store.append('w', [newEvent('A', {})], 3).catch((e) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ stream: 'w', expected: 3, actual: 'no_stream' });
  });

  it('refuses an append over the configured maximum append size before sending it', async () => {
    const store = open({ maxAppendSize: 1000 });
    const before = node.calls.append;
    const error = await store.append('big', [newEvent('A', { x: 'y'.repeat(2000) })], 'any').catch((e) => e);
    expect(error).toBeInstanceOf(AppendTooLargeError);
    expect(error).toMatchObject({ stream: 'big', maxAppendSize: 1000 });
    expect(node.calls.append).toBe(before);
  });

  it("maps the server's own refusal of an oversized append to the same typed error", async () => {
    const store = open({ maxAppendSize: 8 * 1024 * 1024 });
    const error = await store.append('big', [newEvent('A', { x: 'y'.repeat(1_100_000) })], 'any').catch((e) => e);
    expect(error).toBeInstanceOf(AppendTooLargeError);
    expect(error).toMatchObject({ maxAppendSize: 1024 * 1024 });
    expect(await store.readStream('big')).toEqual([]);
  });

  it('survives a crash between the events and their idempotency record: the retry writes nothing twice', async () => {
    const crashing = open({ retryAttempts: 1 });
    node.inject('append', { kind: 'unavailable', streamPrefix: 'ledger-idempotency-' });
    await expect(
      crashing.append('idem', [newEvent('A', { v: 1 }), newEvent('B', { v: 2 })], 'no_stream', { idempotencyKey: 'k' }),
    ).rejects.toThrow();
    expect(await crashing.findIdempotency('k')).toBeNull();
    expect(await crashing.readStream('idem')).toHaveLength(2);
    const restarted = open();
    const retry = await restarted.append('idem', [newEvent('A', { v: 1 }), newEvent('B', { v: 2 })], 'no_stream', {
      idempotencyKey: 'k',
    });
    expect(retry).toMatchObject({ stream: 'idem', revision: 1 });
    expect(await restarted.readStream('idem')).toHaveLength(2);
    const again = await restarted.append('idem', [newEvent('A', { v: 1 }), newEvent('B', { v: 2 })], 'no_stream', {
      idempotencyKey: 'k',
    });
    expect(again).toEqual({ ...retry, replayed: true });
    expect(await restarted.findIdempotency('k')).toMatchObject({
      stream: 'idem',
      revision: 1,
      position: retry.position,
    });
    expect((await restarted.head()).events).toBe(2);
  });

  it('refuses streams of the server ($) and of the idempotency records', async () => {
    const store = open();
    await expect(store.append('$settings', [newEvent('A', {})], 'any')).rejects.toThrow(/must not start/);
    await expect(store.append('ledger-idempotency-x', [newEvent('A', {})], 'any')).rejects.toThrow(/must not start/);
  });

  it('takes its own maxAppendSize parameter out of the connection string', () => {
    expect(parseStoreUrl('esdb://h:2113?tls=false&maxAppendSize=4194304')).toEqual({
      connectionString: 'esdb://h:2113?tls=false',
      maxAppendSize: 4194304,
    });
    expect(parseStoreUrl('esdb+discover://h:2113')).toEqual({ connectionString: 'esdb+discover://h:2113' });
    expect(() => parseStoreUrl('esdb://h?maxAppendSize=big')).toThrow(/maxAppendSize/);
  });
});

describe('eventstoredb adapter on a 3-node test cluster', () => {
  let cluster: EsdbTestCluster;
  const stores: EsdbEventStore[] = [];
  beforeEach(async () => {
    cluster = await EsdbTestCluster.start();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await cluster.stop();
  });

  it('esdb+discover asks a seed for gossip and talks to the leader it names', async () => {
    const store = EsdbEventStore.open({ connectionString: cluster.discoverConnectionString(0) });
    stores.push(store);
    await store.append('d', [newEvent('A', {})], 'no_stream');
    expect(cluster.nodes[0].calls.gossip).toBeGreaterThanOrEqual(1);
    expect(cluster.nodes.map((n) => n.calls.append)).toEqual([0, 1, 0]);
    expect((await store.readStream('d')).map((e) => e.type)).toEqual(['A']);
  });

  it("follows a not-leader answer to the leader's endpoint and retries there", async () => {
    const follower = cluster.nodes[2];
    const leader = cluster.nodes[cluster.leader];
    follower.inject('append', { kind: 'not-leader', host: '127.0.0.1', port: leader.port });
    const store = EsdbEventStore.open({ connectionString: follower.connectionString, backoffMs: 10 });
    stores.push(store);
    const result = await store.append('n', [newEvent('A', {})], 'no_stream');
    expect(result.revision).toBe(0);
    expect(follower.calls.append).toBe(1);
    expect(leader.calls.append).toBe(1);
    expect(cluster.log.streams.get('n')).toHaveLength(1);
  });

  it('rediscovers after the leader becomes unavailable and a new one is elected', async () => {
    const store = EsdbEventStore.open({ connectionString: cluster.discoverConnectionString(0), backoffMs: 10 });
    stores.push(store);
    await store.append('e', [newEvent('A', {})], 'no_stream');
    cluster.leader = 2;
    cluster.nodes[1].inject('append', { kind: 'unavailable' });
    await store.append('e', [newEvent('B', {})], 0);
    expect(cluster.nodes.map((n) => n.calls.append)).toEqual([0, 2, 1]);
    expect((await store.readStream('e')).map((e) => e.type)).toEqual(['A', 'B']);
  });
});
