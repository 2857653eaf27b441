import * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { AppendReq, AppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';

/**
 * A wire-level stand-in for an EventStoreDB/KurrentDB node, for tests on machines where
 * no server can run. It speaks the gRPC services shipped with `@eventstore/db-client`
 * and implements exactly the calls our adapter makes, with the server's documented
 * semantics: revisions from 0, expected-revision checks answered in the append response,
 * idempotent retries of the same event ids, "stream not found" for a stream never written,
 * `$all` in commit order with the server's own `$` events in it, `readAll` including its
 * start and subscriptions starting after it, and the maximum append size.
 */

export interface StoredEvent {
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  position: bigint;
  createdTicks: bigint;
}

/** One log shared by the nodes of a test cluster (they replicate it instantly). */
export class TestLog {
  readonly events: StoredEvent[] = [];
  readonly streams = new Map<string, StoredEvent[]>();
  private next = 0n;
  private readonly listeners = new Set<(event: StoredEvent) => void>();
  private appends = 0;

  constructor(private readonly systemEventEvery: number) {
    this.seedSystemEvents();
  }

  reset(): void {
    this.events.length = 0;
    this.streams.clear();
    this.next = 0n;
    this.appends = 0;
    this.seedSystemEvents();
  }

  /** What a fresh server has written before any client: the server's own streams. */
  private seedSystemEvents(): void {
    this.write('$settings', [systemEvent('$settings')]);
    this.write('$users', [systemEvent('$User')]);
    this.write('$user-admin', [systemEvent('$UserCreated')]);
  }

  positions(): Set<bigint> {
    return new Set(this.events.map((e) => e.position));
  }

  write(stream: string, proposed: Omit<StoredEvent, 'stream' | 'revision' | 'position' | 'createdTicks'>[]) {
    const history = this.streams.get(stream) ?? [];
    this.streams.set(stream, history);
    const written: StoredEvent[] = [];
    for (const p of proposed) {
      const event: StoredEvent = {
        ...p,
        stream,
        revision: BigInt(history.length),
        position: this.next,
        // .NET ticks (100 ns) since the Unix epoch, as the server sends `created`.
        createdTicks: BigInt(Date.now()) * 10_000n,
      };
      // Positions are byte offsets in the server's log: strictly increasing, not contiguous.
      this.next += BigInt(64 + event.data.length + event.customMetadata.length + event.type.length);
      history.push(event);
      this.events.push(event);
      written.push(event);
    }
    for (const event of written) for (const listener of this.listeners) listener(event);
    if (!stream.startsWith('$') && this.systemEventEvery > 0 && ++this.appends % this.systemEventEvery === 0) {
      // The server writes its statistics into the log now and then, between ours.
      this.write('$stats-127.0.0.1:2113', [systemEvent('$statsCollected')]);
    }
    return written;
  }

  onAppend(listener: (event: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function systemEvent(type: string) {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from('{}'),
    customMetadata: Buffer.alloc(0),
  };
}

export type Fault =
  | { kind: 'unavailable' }
  | { kind: 'not-leader'; host: string; port: number }
  /** The call itself fails this way; `streamPrefix` limits it to appends to matching streams. */
  | { kind: 'unavailable'; streamPrefix: string };

type Method = 'append' | 'read';

export interface TestNodeOptions {
  log?: TestLog;
  maxAppendSize?: number;
  /** A `$statsCollected` event after every n appends of ours (0: never). */
  systemEventEvery?: number;
}

const STREAMS_SERVICE = 'event_store.client.streams.Streams';

export class EsdbTestNode {
  readonly log: TestLog;
  readonly calls = { append: 0, read: 0, subscribe: 0, gossip: 0, features: 0 };
  private readonly faults: { method: Method; fault: Fault }[] = [];
  private readonly subscriptions = new Set<grpc.ServerWritableStream<ReadReq, ReadResp>>();
  private readonly maxAppendSize: number;
  private members: () => MemberInfo[] = () => [];
  private server!: grpc.Server;
  port = 0;

  static async start(options: TestNodeOptions = {}): Promise<EsdbTestNode> {
    const node = new EsdbTestNode(options);
    await node.listen();
    return node;
  }

  private constructor(options: TestNodeOptions) {
    this.log = options.log ?? new TestLog(options.systemEventEvery ?? 3);
    this.maxAppendSize = options.maxAppendSize ?? 1024 * 1024;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** The next call of this method fails as told (faults queue up). */
  inject(method: Method, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ method, fault });
  }

  /** Ends every live subscription as a lost connection does. */
  dropSubscriptions(): number {
    const dropped = [...this.subscriptions];
    for (const call of dropped) {
      this.subscriptions.delete(call);
      call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'connection lost (injected)' });
    }
    return dropped.length;
  }

  liveSubscriptions(): number {
    return this.subscriptions.size;
  }

  setGossip(members: () => MemberInfo[]): void {
    this.members = members;
  }

  async stop(): Promise<void> {
    for (const call of this.subscriptions) call.end();
    this.subscriptions.clear();
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
    this.server.forceShutdown();
  }

  private takeFault(method: Method, stream?: string): Fault | undefined {
    const i = this.faults.findIndex(
      (f) =>
        f.method === method &&
        (!('streamPrefix' in f.fault) || (stream !== undefined && stream.startsWith(f.fault.streamPrefix))),
    );
    return i < 0 ? undefined : this.faults.splice(i, 1)[0].fault;
  }

  private async listen(): Promise<void> {
    this.server = new grpc.Server({ 'grpc.max_receive_message_length': 32 * 1024 * 1024 });
    this.server.addService(StreamsService, {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => this.read(call),
      append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) =>
        this.append(call, callback),
    });
    this.server.addService(ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<SupportedMethods>) => {
        this.calls.features += 1;
        // BatchAppend is not advertised, so the client appends with Streams.Append.
        const methods = ['Read', 'Append'].map((name) =>
          new SupportedMethod().setServiceName(STREAMS_SERVICE).setMethodName(name).setFeaturesList([]),
        );
        callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('24.10.0-test'));
      },
    });
    this.server.addService(GossipService, {
      read: (_call: unknown, callback: grpc.sendUnaryData<ClusterInfo>) => {
        this.calls.gossip += 1;
        callback(null, new ClusterInfo().setMembersList(this.members()));
      },
    });
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
  }

  private faultError(fault: Fault): grpc.ServiceError {
    const metadata = new grpc.Metadata();
    if (fault.kind === 'not-leader') {
      metadata.set('exception', 'not-leader');
      metadata.set('leader-endpoint-host', fault.host);
      metadata.set('leader-endpoint-port', String(fault.port));
      return Object.assign(new Error('not leader'), {
        code: grpc.status.NOT_FOUND,
        details: 'Leader info available',
        metadata,
      });
    }
    return Object.assign(new Error('unavailable'), {
      code: grpc.status.UNAVAILABLE,
      details: 'unavailable (injected)',
      metadata,
    });
  }

  private append(call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) {
    this.calls.append += 1;
    let options: AppendReq.Options | undefined;
    const proposed: AppendReq.ProposedMessage[] = [];
    call.on('data', (req: AppendReq) => {
      if (req.hasOptions()) options = req.getOptions();
      else if (req.hasProposedMessage()) proposed.push(req.getProposedMessage()!);
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      // A client killed mid-append (the migrate test does it) ends the call without its events:
      // nothing is written and nobody reads the answer.
      if (call.cancelled) return;
      if (!options) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'no options' });
      if (proposed.length === 0) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'no events' });
      const stream = streamName(options.getStreamIdentifier());
      const fault = this.takeFault('append', stream);
      if (fault) return callback(this.faultError(fault));
      const size = proposed.reduce(
        (n, m) =>
          n +
          m.getData_asU8().length +
          m.getCustomMetadata_asU8().length +
          (m.getMetadataMap().get('type') ?? '').length,
        0,
      );
      if (size > this.maxAppendSize) {
        const metadata = new grpc.Metadata();
        metadata.set('exception', 'maximum-append-size-exceeded');
        metadata.set('maximum-append-size', String(this.maxAppendSize));
        return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'Maximum Append Size Exceeded', metadata });
      }
      callback(null, this.decideAppend(stream, options, proposed));
    });
  }

  private decideAppend(stream: string, options: AppendReq.Options, proposed: AppendReq.ProposedMessage[]): AppendResp {
    const history = this.log.streams.get(stream) ?? [];
    const current = BigInt(history.length) - 1n;
    const ids = proposed.map((m) => m.getId()!.getString());
    const expected = options.hasRevision()
      ? BigInt(options.getRevision())
      : options.hasNoStream()
        ? -1n
        : options.hasStreamExists()
          ? ('exists' as const)
          : ('any' as const);
    // The server recognises a retry: the same ids already written where the writer expected.
    const start = history.findIndex((e) => e.id === ids[0]);
    if (
      start >= 0 &&
      ids.every((id, i) => history[start + i]?.id === id) &&
      (expected === 'any' || expected === 'exists' || expected === BigInt(start) - 1n)
    ) {
      return success(history[start + ids.length - 1]);
    }
    const ok = expected === 'any' ? true : expected === 'exists' ? current >= 0n : expected === current;
    if (!ok) {
      const wrong = new AppendResp.WrongExpectedVersion();
      if (current >= 0n) wrong.setCurrentRevision(current.toString());
      else wrong.setCurrentNoStream(new Empty());
      if (expected === 'any') wrong.setExpectedAny(new Empty());
      else if (expected === 'exists') wrong.setExpectedStreamExists(new Empty());
      else if (expected === -1n) wrong.setExpectedNoStream(new Empty());
      else wrong.setExpectedRevision(expected.toString());
      return new AppendResp().setWrongExpectedVersion(wrong);
    }
    const written = this.log.write(
      stream,
      proposed.map((m) => ({
        id: m.getId()!.getString(),
        type: m.getMetadataMap().get('type') ?? '',
        contentType: m.getMetadataMap().get('content-type') ?? 'application/octet-stream',
        data: m.getData_asU8(),
        customMetadata: m.getCustomMetadata_asU8(),
      })),
    );
    return success(written[written.length - 1]);
  }

  private read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions()!;
    const fault = this.takeFault('read');
    if (fault) {
      call.emit('error', this.faultError(fault));
      return;
    }
    if (options.hasSubscription()) return this.subscribe(call, options);
    this.calls.read += 1;
    const count = Number(options.getCount() || '0');
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    if (options.hasStream()) {
      const s = options.getStream()!;
      const name = streamName(s.getStreamIdentifier());
      const history = this.log.streams.get(name);
      if (!history) {
        const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(s.getStreamIdentifier());
        call.write(new ReadResp().setStreamNotFound(notFound));
        call.end();
        return;
      }
      let events = backwards ? [...history].reverse() : history;
      if (s.hasRevision()) {
        const from = BigInt(s.getRevision());
        events = events.filter((e) => (backwards ? e.revision <= from : e.revision >= from));
      } else if (s.hasEnd()) events = backwards ? events : [];
      for (const e of events.slice(0, count)) call.write(eventResp(e));
      call.end();
      return;
    }
    const all = options.getAll()!;
    let events = this.log.events;
    if (all.hasPosition()) {
      const from = BigInt(all.getPosition()!.getCommitPosition());
      // The server reads only from where an event starts.
      if (!this.log.positions().has(from) && from < this.nextPositionHint()) {
        call.emit('error', { code: grpc.status.OUT_OF_RANGE, details: `invalid position ${from}` });
        return;
      }
      events = events.filter((e) => e.position >= from);
    } else if (all.hasEnd()) events = [];
    if (backwards) events = [...events].reverse();
    for (const e of events.slice(0, count)) call.write(eventResp(e));
    call.end();
  }

  private nextPositionHint(): bigint {
    const last = this.log.events[this.log.events.length - 1];
    return last ? last.position + 1n : 0n;
  }

  private subscribe(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
    this.calls.subscribe += 1;
    if (!options.hasAll()) {
      call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'stream subscriptions are not used' });
      return;
    }
    const all = options.getAll()!;
    call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
    // A subscription starts after the position it is given (from the start: everything).
    const after = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : all.hasEnd() ? null : -1n;
    let caughtUp = after === null ? this.nextPositionHint() - 1n : after;
    const send = (e: StoredEvent) => {
      if (e.position <= caughtUp) return;
      caughtUp = e.position;
      call.write(eventResp(e));
    };
    // Catch-up and live are one delivery path: events appended meanwhile are sent once, in order.
    const unsubscribe = this.log.onAppend(send);
    for (const e of this.log.events) send(e);
    call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    this.subscriptions.add(call);
    const done = () => {
      unsubscribe();
      this.subscriptions.delete(call);
    };
    call.on('cancelled', done);
    call.on('close', done);
    call.on('error', done);
  }
}

function streamName(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function success(last: StoredEvent): AppendResp {
  const position = new AppendResp.Position()
    .setCommitPosition(last.position.toString())
    .setPreparePosition(last.position.toString());
  return new AppendResp().setSuccess(
    new AppendResp.Success().setCurrentRevision(last.revision.toString()).setPosition(position),
  );
}

function eventResp(e: StoredEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(e.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(e.stream, 'utf8')))
    .setStreamRevision(e.revision.toString())
    .setPreparePosition(e.position.toString())
    .setCommitPosition(e.position.toString())
    .setData(e.data)
    .setCustomMetadata(e.customMetadata);
  const map = recorded.getMetadataMap();
  map.set('type', e.type);
  map.set('content-type', e.contentType);
  map.set('created', e.createdTicks.toString());
  return new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(e.position.toString()));
}

/** Three nodes over one log, one of them the leader, each answering gossip about all three. */
export class EsdbTestCluster {
  private constructor(
    readonly nodes: EsdbTestNode[],
    public leader: number,
  ) {}

  static async start(options: Omit<TestNodeOptions, 'log'> = {}): Promise<EsdbTestCluster> {
    const log = new TestLog(options.systemEventEvery ?? 3);
    const nodes = await Promise.all([0, 1, 2].map(() => EsdbTestNode.start({ ...options, log })));
    const cluster = new EsdbTestCluster(nodes, 1);
    const ids = nodes.map(() => randomUUID());
    for (const node of nodes) {
      node.setGossip(() =>
        cluster.nodes.map((n, i) =>
          new MemberInfo()
            .setInstanceId(new UUID().setString(ids[i]))
            .setTimeStamp(String(Date.now()))
            .setState(i === cluster.leader ? MemberInfo.VNodeState.LEADER : MemberInfo.VNodeState.FOLLOWER)
            .setIsAlive(true)
            .setHttpEndPoint(new EndPoint().setAddress('127.0.0.1').setPort(n.port)),
        ),
      );
    }
    return cluster;
  }

  get log(): TestLog {
    return this.nodes[0].log;
  }

  /** Discovery through one seed node (a follower), as `esdb+discover://` does with a DNS name. */
  discoverConnectionString(seed = 0): string {
    return `esdb+discover://127.0.0.1:${this.nodes[seed].port}?tls=false&discoveryInterval=20&maxDiscoverAttempts=5`;
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
  }
}
