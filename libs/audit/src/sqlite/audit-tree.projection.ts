// The log-consumer contract is the ledger's: the projections runner drives the audit
// tree like any read model, and this library needs nothing of the projections library.
import { streams } from '@app/domain';
import type { ApplyContext, EventEnvelope, Projection } from '@app/ledger';
import type { AppConfig } from '@app/runtime';
import { auditLeafHashBytes } from '../audit-leaf';
import { CheckpointRefusedError } from '../errors';
import { formatVerifierKey } from '../note-keys';
import { checkpointKeyOf, completeTrustedKey, TrustedKeyChoice } from '../trusted-key';
import { AUDIT_TREE_SCHEMA } from './audit-db';
import { AuditStore, CheckpointRecord } from './audit-store';
import { RecentPositions } from './recent-positions';

/** Checkpoints a signing instance publishes into the log, and the key they must carry. */
export interface PublishedCheckpoints {
  /** The stream and event type of a publication (`audit-checkpoints`, `AuditCheckpointPublished`). */
  readonly stream: string;
  readonly type: string;
  /** The signer's key; a bare public key takes its name from each note. Null: none is kept. */
  readonly trusted: TrustedKeyChoice | null;
}

/**
 * What the audit tree's runner checks and keeps on a shared log (LEDGER_STORE=esdb://…):
 * the checkpoints the signer publishes there, with the key they must carry. None on the
 * embedded ledger, which serves one instance and holds no publications.
 */
export function publishedCheckpointsFor(
  config: Pick<AppConfig, 'store' | 'auditSigner' | 'auditTrustedKey' | 'signingKey' | 'dataDir'>,
): PublishedCheckpoints | undefined {
  if (config.store !== 'eventstoredb') return undefined;
  return {
    stream: streams.auditCheckpoints().name,
    type: 'AuditCheckpointPublished',
    trusted: checkpointKeyOf(config),
  };
}

/** The trusted key with its name (for a bare key, the name `note` gives), or null without one. */
export function checkpointIdentity(
  trusted: TrustedKeyChoice | null,
  note: string | undefined,
): { publicKey: Buffer; keyName: string; verifierKey: string } | null {
  if (!trusted) return null;
  const { publicKey, keyName } = completeTrustedKey(trusted, note);
  if (keyName === undefined) return null;
  return { publicKey, keyName, verifierKey: formatVerifierKey(keyName, publicKey) };
}

/**
 * The audit tree as a projection: each event in global order becomes the
 * next leaf. Run by a ProjectionRunner over the audit store's own database,
 * so the leaf, its parents, the tree size and the runner's checkpoint commit
 * in one transaction: a crash never leaves a leaf without its checkpoint or
 * the reverse.
 *
 * With `published`, a leaf that is a checkpoint published by the signer is also checked
 * and kept (`AuditStore.acceptCheckpoint`) or refused (counted in the store, never thrown:
 * anyone able to append must not stall the tree), and the store records which leaves call
 * for a checkpoint (`AuditStore.grown`: all but publications), in the same transaction.
 */
export function auditTreeProjection(store: AuditStore, published?: PublishedCheckpoints): Projection {
  const recent = new RecentPositions(8192);
  const applyBatch = (events: readonly EventEnvelope[], { db, index }: ApplyContext): void => {
    if (db !== store.db) throw new Error('the audit tree projection runs on its audit store database only');
    const size = store.tree.size;
    // The runner's index and the tree must agree, or the leaves would be numbered wrongly.
    if (size !== index) {
      throw new Error(
        `the audit tree holds ${size} leaves but the runner is at index ${index}; rebuild the audit store`,
      );
    }
    // One appendMany per batch: the frontier is read once and the nodes written in bulk.
    store.tree.appendMany(events.map((event, i) => auditLeafHashBytes(event, index + i)));
    events.forEach((event, i) => store.notePosition(index + i, event.position));
    if (!published) return;
    let grown: { size: number; position: bigint } | null = null;
    events.forEach((event, i) => {
      recent.note(index + i, event.position);
      if (event.stream === published.stream && event.type === published.type) accept(store, published, event, recent);
      else grown = { size: index + i + 1, position: event.position };
    });
    if (grown) store.noteGrown(grown);
  };
  return {
    name: 'audit-tree',
    version: 1,
    schema: AUDIT_TREE_SCHEMA,
    apply: (event, ctx) => applyBatch([event], ctx),
    applyBatch,
  };
}

/** Keeps a published checkpoint once it is shown to be this tree's; records a refusal otherwise. */
function accept(store: AuditStore, published: PublishedCheckpoints, event: EventEnvelope, recent: RecentPositions) {
  const data = event.data as Partial<Record<keyof CheckpointRecord, unknown>>;
  try {
    const { size, position, rootHash, signedAt, note } = data;
    if (
      typeof size !== 'number' ||
      typeof position !== 'string' ||
      typeof rootHash !== 'string' ||
      typeof signedAt !== 'string' ||
      typeof note !== 'string'
    ) {
      throw new CheckpointRefusedError(`published checkpoint at ${event.position} is malformed`);
    }
    if (!published.trusted) return; // No key to check it against: the service says so at start.
    const identity = checkpointIdentity(published.trusted, note);
    if (!identity) throw new CheckpointRefusedError('published checkpoint: its note names no key');
    const located = store.locate(size - 1);
    store.acceptCheckpoint({ size, position, rootHash, signedAt, note }, identity, identity.keyName, {
      exact: recent.at(size - 1),
      atLeast: located.position,
      below: event.position,
    });
  } catch (error) {
    if (!(error instanceof CheckpointRefusedError)) throw error;
    store.noteRefusal(`${error.message} (event ${event.eventId} at ${event.position})`);
  }
}
