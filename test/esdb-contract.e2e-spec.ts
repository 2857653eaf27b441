import { randomUUID } from 'node:crypto';
import { EventStore } from '@app/ledger';
import { EsdbEventStore } from '@app/ledger/eventstoredb';
import { describeEventStoreContract } from '@app/ledger/testing';
import { EsdbTestCluster, EsdbTestNode } from './support/esdb-test-server';

// Every test here goes through the real `@eventstore/db-client` over gRPC.
const MAX_APPEND_SIZE = 2 * 1024 * 1024;

describe('eventstoredb adapter against the wire-level test server', () => {
  let node: EsdbTestNode;
  beforeAll(async () => {
    node = await EsdbTestNode.start({ maxAppendSize: MAX_APPEND_SIZE });
  });
  afterAll(() => node.stop());

  describeEventStoreContract('eventstoredb (test server, single node)', {
    async open() {
      node.log.reset();
      return EsdbEventStore.open({ connectionString: node.connectionString, maxAppendSize: MAX_APPEND_SIZE });
    },
    dispose: (store: EventStore) => store.close(),
  });
});

describe('eventstoredb adapter against a 3-node test cluster found by gossip', () => {
  let cluster: EsdbTestCluster;
  beforeAll(async () => {
    cluster = await EsdbTestCluster.start({ maxAppendSize: MAX_APPEND_SIZE });
  });
  afterAll(() => cluster.stop());

  describeEventStoreContract('eventstoredb (test cluster, esdb+discover)', {
    async open() {
      cluster.log.reset();
      return EsdbEventStore.open({
        connectionString: cluster.discoverConnectionString(),
        maxAppendSize: MAX_APPEND_SIZE,
      });
    },
    dispose: (store: EventStore) => store.close(),
  });
});

// Against a real server when one is given; not registered at all otherwise (see README).
const real = process.env.EVENTSTORE_CONNECTION_STRING;
if (real) {
  describeEventStoreContract('eventstoredb (real server from EVENTSTORE_CONNECTION_STRING)', {
    // A real server keeps its log between tests: each test gets a namespace of its own,
    // so that its global log, head and idempotency keys start empty.
    open: async () => EsdbEventStore.fromUrl(real, { namespace: `contract-${randomUUID().slice(0, 8)}-` }),
    dispose: (store: EventStore) => store.close(),
  });
}
