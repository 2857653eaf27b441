import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, verifyInclusion } from '@app/audit';
import { canonicalJson, EventEnvelope, START } from '@app/ledger';
import { AuditService } from '../apps/api/src/audit/audit.service';
import { Actors, auth, openMatterBody, seedActors } from './support/actors';
import { EsdbTestNode } from './support/esdb-test-server';
import { API } from './support/matter-api';
import { runCli } from './support/run-cli';
import { startTestApp, TestApp } from './support/test-app';

// The offline commands on LEDGER_STORE=esdb://…, as `ledger verify` already was: the events come
// from the cluster (the wire-level test server, through the real client), the audit tree and
// checkpoints from the data directory the server keeps. Each test starts the CLI from sources
// in a child process (seconds on a loaded machine): a timeout of two minutes each.
const KEY = generateSigningKey('petition-ledger/esdb-cli');

jest.setTimeout(120_000);

describe('the ledger command on an EventStoreDB log', () => {
  let node: EsdbTestNode;
  let app: TestApp;
  let env: Record<string, string>;
  let events: EventEnvelope[];
  let out: string;
  beforeAll(async () => {
    node = await EsdbTestNode.start({ systemEventEvery: 4 });
    app = await startTestApp({
      LEDGER_STORE: node.connectionString,
      LEDGER_SIGNING_KEY: KEY.privateKey,
      LEDGER_CHECKPOINT_EVENTS: '100000',
      LEDGER_CHECKPOINT_SECONDS: '3600',
    });
    const actors: Actors = await seedActors(app);
    for (const id of ['CLI-1', 'CLI-2', 'CLI-3'])
      await app.http().post(`${API}/matters`).set(auth(actors.registrar)).send(openMatterBody({ id })).expect(201);
    // A publication, over a checkpoint cut on demand: what `ledger replay` recomputes.
    await app.http().post(`${API}/bulletins/2022-03-H1/publish`).set(auth(actors.analyst)).send({}).expect(201);
    const audit = app.app.get(AuditService);
    await audit.ready((await app.store().head()).position);
    audit.considerCheckpoint({ onDemand: true });
    // The signer publishes that checkpoint into the log; the log is complete once it is there.
    const latest = audit.latestCheckpoint()!;
    for (let attempt = 0; attempt < 400; attempt++) {
      events = await app.store().readAll(START, 100_000);
      const published = events.filter((e) => e.type === 'AuditCheckpointPublished');
      if (published.some((e) => (e.data as { size: number }).size === latest.size)) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    env = { LEDGER_STORE: node.connectionString, LEDGER_DATA_DIR: app.dataDir };
    out = mkdtempSync(join(tmpdir(), 'esdb-cli-'));
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await node.stop();
    rmSync(out, { recursive: true, force: true });
  });

  it('events prints the cluster’s log, one canonical event per line, skipping the server’s own events', async () => {
    const run = await runCli(env, 'events');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(events.map((e) => canonicalJson(e) + '\n').join(''));
    expect(node.log.events.some((e) => e.type.startsWith('$'))).toBe(true);
    const page = await runCli(env, 'events', '--from', events[2].position.toString(), '--limit', '2');
    expect(
      page.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).eventId),
    ).toEqual(events.slice(2, 4).map((e) => e.eventId));
  });

  it('stats names the store (without credentials) and counts its streams and events', async () => {
    const run = await runCli(env, 'stats');
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(stats).toMatchObject({
      store: node.connectionString,
      events: events.length,
      streams: new Set(events.map((e) => e.stream)).size,
      headPosition: events[events.length - 1].position.toString(),
    });
    expect(stats.file).toBeUndefined();
  });

  it('export writes the cluster’s events with the data directory’s checkpoints, and verify accepts the file', async () => {
    const file = join(out, 'export.ndjson');
    const run = await runCli(env, 'export', '--out', file);
    expect(run.code).toBe(0);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.filter((l) => l.kind === 'event').map((l) => l.eventId)).toEqual(events.map((e) => e.eventId));
    expect(lines.filter((l) => l.kind === 'checkpoint').length).toBeGreaterThan(0);
    expect(lines[0]).toMatchObject({ kind: 'header', verifierKey: KEY.verifierKey });
    const verified = await runCli({}, 'verify', '--export', file, '--key', KEY.verifierKey);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
  });

  it('prove gives an inclusion proof of an event read from the cluster, against the latest checkpoint', async () => {
    const run = await runCli(env, 'prove', '3');
    expect(run.code).toBe(0);
    const proof = JSON.parse(run.stdout);
    expect(proof).toMatchObject({ index: 3, position: events[3].position.toString() });
    expect(() => verifyInclusion(proof.leafHash, 3, proof.size, proof.hashes, proof.rootHash)).not.toThrow();
  });

  it('replay recomputes the published bulletin from the cluster’s first events and finds it equal', async () => {
    const run = await runCli(env, 'replay', '--report', 'bulletin', '--period', '2022-03-H1');
    expect(run.code).toBe(0);
    const outcome = JSON.parse(run.stdout);
    expect(outcome).toMatchObject({ equal: true, asOf: { rootCheckedAgainst: 'publication' } });
  });

  it('project catches the read models up from the cluster’s log', async () => {
    const run = await runCli(env, 'project', '--once');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`caught up: .* position ${events[events.length - 1].position}`));
  });

  it('rebuild builds the read models from the cluster’s log and swaps them in', async () => {
    const run = await runCli(env, 'rebuild');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`rebuilt ${events.length} events`));
  });
});
