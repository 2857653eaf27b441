import { dataFiles } from '@app/runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  auditLeafHashBytes,
  auditLeafText,
  sha256,
  toHex,
  verifyConsistency,
  verifyInclusion,
  AuditStore,
  auditTreeProjection,
  verifyStoredLog,
  CompactRange,
} from '@app/audit';
import { EventEnvelope, NewEvent, Position, SqliteEventStore, START } from '@app/ledger';
import { ProjectionRunner } from '@app/projections';
import { Figure, timed } from './bench-harness';

export interface AuditBenchOptions {
  /** Events in the log the tree is built over. */
  events: number;
  /** Inclusion and consistency proofs generated and verified. */
  proofs: number;
}

function sampleEvent(i: number): NewEvent {
  return {
    type: 'ContactRecorded',
    version: 1,
    occurredAt: '2022-04-03T09:30:00+08:00',
    actor: { id: 'bench', role: 'registrar' },
    data: {
      matterId: `m-${i % 5000}`,
      channel: 'online',
      level: 'city',
      headcount: 1 + (i % 7),
      summary: '群众反映紫悦华府逾期交房问题',
    },
  };
}

/** Every event of the log in order, page by page, as the projection runner reads it. */
async function forEachEvent(
  store: SqliteEventStore,
  visit: (event: EventEnvelope, index: number) => void,
): Promise<number> {
  let next: Position = START;
  let index = 0;
  for (;;) {
    const page = await store.readAll(next, 1000);
    if (page.length === 0) return index;
    for (const event of page) visit(event, index++);
    next = page[page.length - 1].position + 1n;
  }
}

/**
 * The baseline the audit figures are compared with: read every event, encode its leaf
 * (canonical JSON) and SHA-256 it once, nothing else. The hash is the one-shot SHA-256
 * the tree uses (crypto.hash where Node has it), so the ratio shows the tree's own work.
 */
export function forEachLeafBaseline(store: SqliteEventStore): Promise<number> {
  return forEachEvent(store, (event, index) => sha256(auditLeafText(event, index)));
}

/** A deterministic spread of indices (no Math.random: runs stay comparable). */
function spread(count: number, below: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor((((i * 2654435761) % 2 ** 32) / 2 ** 32) * below));
}

export async function benchAudit(options: AuditBenchOptions, progress: (line: string) => void): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
  const figures: Figure[] = [];
  const n = options.events;
  try {
    const ledger = SqliteEventStore.open({ file: dataFiles({ dataDir: dir }).ledger });
    const batch = Array.from({ length: 100 }, (_, i) => sampleEvent(i));
    for (let b = 0; b < n / 100; b++) {
      await ledger.append(`matter-${b}`, batch, 'no_stream');
      if (b % 1000 === 999) progress(`  filling the log: ${(b + 1) * 100} / ${n} events`);
    }

    // One untimed pass so that every timed pass below reads from a warm page cache.
    await forEachEvent(ledger, () => undefined);
    const baseline = await timed(() => forEachLeafBaseline(ledger));
    // The baseline runs again after the measured passes and the faster of the two counts: on a
    // shared machine one pass can be slowed by others' work, and a slow baseline flatters the ratios.
    const base = { name: 'read + plain SHA-256 of the leaf bytes, best of 2', count: n, seconds: baseline.seconds };

    // The tree's hashing alone: leaf hashes plus the interior nodes, in memory.
    const range = new CompactRange();
    const inMemory = await timed(() =>
      forEachEvent(ledger, (event, index) => range.append(auditLeafHashBytes(event, index))),
    );
    figures.push({
      name: `tree over ${n.toLocaleString('en-US')} events, in memory`,
      count: n,
      seconds: inMemory.seconds,
      unit: 'events/s',
      baseline: base,
      note: 'leaf + node hashes only',
    });

    // What the server runs: the audit projection storing every node in audit.sqlite.
    const audit = AuditStore.open(dataFiles({ dataDir: dir }).audit);
    const runner = new ProjectionRunner(ledger, audit.db, [auditTreeProjection(audit)]);
    const built = await timed(() => runner.catchUp());
    if (audit.size !== n || audit.tree.root() !== toHex(range.root()))
      throw new Error('the stored tree differs from the in-memory one');
    figures.push({
      name: `tree over ${n.toLocaleString('en-US')} events, SQLite projection`,
      count: n,
      seconds: built.seconds,
      unit: 'events/s',
      baseline: base,
      target: 0.5,
      note: `${(n / 1000).toFixed(0)} transactions of 1,000 events, nodes stored`,
    });

    // Proofs against the full tree, as GET /audit/proofs/* answer them.
    const indices = spread(options.proofs, n);
    const root = audit.tree.root(n);
    const inclusion = await timed(() => indices.map((i) => audit.tree.inclusionProof(i, n)));
    const leaves = indices.map((i) => audit.tree.leafHash(i));
    const checkedInclusion = await timed(() =>
      indices.forEach((i, k) => verifyInclusion(leaves[k], i, n, inclusion.result[k], root)),
    );
    const olds = indices.map((i) => Math.max(i, 1));
    const consistency = await timed(() => olds.map((m) => audit.tree.consistencyProof(m, n)));
    const oldRoots = olds.map((m) => audit.tree.root(m));
    const checkedConsistency = await timed(() =>
      olds.forEach((m, k) => verifyConsistency(m, n, consistency.result[k], oldRoots[k], root)),
    );
    const perProof = (seconds: number) => `${((seconds / options.proofs) * 1e6).toFixed(1)} µs each`;
    const hashes = inclusion.result.reduce((sum, p) => sum + p.length, 0) / options.proofs;
    figures.push(
      {
        name: 'inclusion proof, generate (SQLite)',
        count: options.proofs,
        seconds: inclusion.seconds,
        unit: 'proofs/s',
        note: `${perProof(inclusion.seconds)}, ${hashes.toFixed(1)} hashes`,
      },
      {
        name: 'inclusion proof, verify',
        count: options.proofs,
        seconds: checkedInclusion.seconds,
        unit: 'proofs/s',
        note: perProof(checkedInclusion.seconds),
      },
      {
        name: 'consistency proof, generate (SQLite)',
        count: options.proofs,
        seconds: consistency.seconds,
        unit: 'proofs/s',
        note: perProof(consistency.seconds),
      },
      {
        name: 'consistency proof, verify',
        count: options.proofs,
        seconds: checkedConsistency.seconds,
        unit: 'proofs/s',
        note: perProof(checkedConsistency.seconds),
      },
    );

    // `ledger verify --data-dir`: every leaf recomputed, every stored node compared.
    const verified = await timed(() => verifyStoredLog(ledger, audit, { trustedKey: null }));
    if (!verified.result.ok) throw new Error(`verification failed: ${verified.result.reason}`);
    base.seconds = Math.min(base.seconds, (await timed(() => forEachLeafBaseline(ledger))).seconds);
    figures.push({
      name: `verify ${n.toLocaleString('en-US')} events against the store`,
      count: n,
      seconds: verified.seconds,
      unit: 'events/s',
      baseline: base,
      target: 0.5,
      note: `${verified.seconds.toFixed(1)} s`,
    });
    audit.close();
    await ledger.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
