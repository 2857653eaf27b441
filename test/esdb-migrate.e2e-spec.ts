import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuditStore,
  auditTreeProjection,
  formatVerifierKey,
  generateSigningKey,
  signerFromPrivateKey,
} from '@app/audit';
import { EventEnvelope, SqliteEventStore, START } from '@app/ledger';
import { ProjectionRunner } from '@app/projections';
import { dataFiles } from '@app/runtime';
import { EsdbEventStore } from '@app/ledger/eventstoredb';
import { newEvent } from '@app/ledger/testing';
import { auditRootOf } from '../apps/cli/src/commands/migrate.command';
import { EsdbTestNode } from './support/esdb-test-server';
import { cli, register, runCli } from './support/run-cli';

async function allEvents(store: { readAll: SqliteEventStore['readAll'] }): Promise<EventEnvelope[]> {
  const out: EventEnvelope[] = [];
  let next = START;
  for (;;) {
    const page = await store.readAll(next, 500);
    if (page.length === 0) return out;
    out.push(...page);
    next = page[page.length - 1].position + 1n;
  }
}

const essence = (e: EventEnvelope) => [e.eventId, e.stream, e.revision, e.type, e.recordedAt, e.occurredAt, e.data];

// `ledger migrate --to esdb://…` against the wire-level test server, killed mid-way and rerun.
describe('ledger migrate --to esdb://…', () => {
  let dataDir: string;
  let node: EsdbTestNode;
  const EVENTS = 1500;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-migrate-'));
    const source = SqliteEventStore.open({ file: join(dataDir, 'ledger.sqlite') });
    // Interleaved streams (one event per append) and some multi-event appends with keys.
    for (let i = 0; i < EVENTS - 60; i++) {
      await source.append(`matter-${i % 7}`, [newEvent('Noted', { i, text: '群众来信' })], 'any');
    }
    for (let k = 0; k < 20; k++) {
      await source.append(
        `unit-${k}`,
        [newEvent('A', { k }), newEvent('B', { k }), newEvent('C', { k })],
        'no_stream',
        {
          idempotencyKey: `key-${k}`,
        },
      );
    }
    await source.close();
    node = await EsdbTestNode.start({ systemEventEvery: 50 });
  });
  afterAll(async () => {
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const copiedSoFar = () =>
    node.log.events.filter((e) => !e.stream.startsWith('$') && !e.stream.startsWith('ledger-idempotency-')).length;

  it('copies streams, revisions, global order and idempotency records; resumes after a kill with no duplicate and no gap', async () => {
    // First run: killed once part of the log is in the target.
    const killedAt = await new Promise<number>((resolve, reject) => {
      const proc = spawn(process.execPath, ['-r', register, cli, 'migrate', '--to', node.connectionString], {
        env: { ...process.env, LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const timer = setInterval(() => {
        if (copiedSoFar() >= 100) proc.kill('SIGKILL');
      }, 2);
      proc.on('exit', (code, signal) => {
        clearInterval(timer);
        if (signal === 'SIGKILL') resolve(copiedSoFar());
        else reject(new Error(`the first run ended before it was killed (code ${code})`));
      });
    });
    expect(killedAt).toBeGreaterThanOrEqual(100);
    expect(killedAt).toBeLessThan(EVENTS);

    const rerun = await runCli({ LEDGER_DATA_DIR: dataDir }, 'migrate', '--to', node.connectionString);
    expect(rerun.stderr).toMatch(/copied \d+ events \(\d+ were already there\), 20 idempotency records/);
    expect(rerun.code).toBe(0);
    const report = JSON.parse(rerun.stdout);
    expect(report.alreadyCopied).toBeGreaterThanOrEqual(killedAt);
    expect(report.alreadyCopied + report.copied).toBe(EVENTS);
    expect(report.source).toEqual(report.target);
    expect(report.source.size).toBe(EVENTS);

    const source = SqliteEventStore.open({ file: join(dataDir, 'ledger.sqlite'), readonly: true });
    const target = EsdbEventStore.open({ connectionString: node.connectionString });
    try {
      const before = await allEvents(source);
      const after = await allEvents(target);
      expect(after.map(essence)).toEqual(before.map(essence));
      expect(await auditRootOf(target)).toEqual(await auditRootOf(source));
      expect(await target.head()).toMatchObject({ events: EVENTS, streams: 27 });
      // Idempotency records point at the target's positions, and answer a retry there.
      const record = await target.findIdempotency('key-3');
      const [c] = await target.readStream('unit-3', 2);
      expect(record).toMatchObject({ stream: 'unit-3', revision: 2, position: c.position });
      const retry = await target.append(
        'unit-3',
        [newEvent('A', { k: 3 }), newEvent('B', { k: 3 }), newEvent('C', { k: 3 })],
        'no_stream',
        { idempotencyKey: 'key-3' },
      );
      expect(retry).toEqual({ stream: 'unit-3', revision: 2, position: c.position, replayed: true });
    } finally {
      await source.close();
      await target.close();
    }

    // Once more: nothing left to copy, nothing written twice.
    const third = await runCli({ LEDGER_DATA_DIR: dataDir }, 'migrate', '--to', node.connectionString);
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout)).toMatchObject({ alreadyCopied: EVENTS, copied: 0 });
    expect(copiedSoFar()).toBe(EVENTS);
    // Three CLI processes that each compile the CLI at start: a loaded 2-core machine needs more than the default.
  }, 240_000);

  it('ledger verify reads the events from LEDGER_STORE=esdb://…: the migrated log matches the audit tree built from the embedded one', async () => {
    // The audit tree and a signed checkpoint over the embedded ledger, as the server keeps them.
    const source = SqliteEventStore.open({ file: dataFiles({ dataDir }).ledger, readonly: true });
    const audit = AuditStore.open(dataFiles({ dataDir }).audit);
    const key = generateSigningKey('petition-ledger/migrate-spec');
    const signer = signerFromPrivateKey(key.privateKey);
    try {
      await new ProjectionRunner(source, audit.db, [auditTreeProjection(audit)]).catchUp();
      const cut = audit.cutIfDue(
        { signer, origin: signer.keyName },
        { maxNewEvents: 1, maxIntervalSeconds: 1 },
        new Date('2026-01-01T00:00:00Z'),
      );
      expect(cut.checkpoint).toMatchObject({ size: EVENTS });
    } finally {
      audit.close();
      await source.close();
    }
    const pinned = formatVerifierKey(signer.keyName, signer.publicKey);

    const embedded = await runCli({ LEDGER_DATA_DIR: dataDir }, 'verify', '--data-dir', dataDir, '--key', pinned);
    const cluster = await runCli(
      { LEDGER_DATA_DIR: dataDir, LEDGER_STORE: node.connectionString },
      'verify',
      '--data-dir',
      dataDir,
      '--key',
      pinned,
    );
    for (const run of [embedded, cluster]) {
      expect(run.stderr).toMatch(/ledger verify: OK: 1500 events, 1 checkpoints/);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, checked: EVENTS, checkpointsVerified: 1 });
    }

    // A cluster holding other events fails against the same tree.
    const other = await EsdbTestNode.start();
    try {
      const foreign = EsdbEventStore.open({ connectionString: other.connectionString });
      await foreign.append('matter-0', [newEvent('Noted', { i: 0, text: '不是同一本账' })], 'no_stream');
      await foreign.close();
      const wrong = await runCli(
        { LEDGER_DATA_DIR: dataDir, LEDGER_STORE: other.connectionString },
        'verify',
        '--data-dir',
        dataDir,
        '--key',
        pinned,
      );
      expect(wrong.code).toBe(1);
      expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, firstBadIndex: 0 });
    } finally {
      await other.stop();
    }
  }, 240_000); // three `ledger verify` runs, each a CLI started from sources

  it("refuses a target that holds events which are not the source's", async () => {
    const other = await EsdbTestNode.start();
    const foreign = EsdbEventStore.open({ connectionString: other.connectionString });
    await foreign.append('matter-x', [newEvent('Other', {})], 'no_stream');
    await foreign.close();
    const run = await runCli({ LEDGER_DATA_DIR: dataDir }, 'migrate', '--to', other.connectionString);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not the source's/);
    expect(other.log.streams.get('matter-0')).toBeUndefined();
    await other.stop();
  }, 240_000); // a CLI started from sources
});
