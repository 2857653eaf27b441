// The log-consumer contract is the ledger's: the projections runner drives the audit
// tree like any read model, and this library needs nothing of the projections library.
import type { ApplyContext, EventEnvelope, Projection } from '@app/ledger';
import { auditLeafHashBytes } from '../audit-leaf';
import { AUDIT_TREE_SCHEMA } from './audit-db';
import { AuditStore } from './audit-store';

/**
 * The audit tree as a projection: each event in global order becomes the
 * next leaf. Run by a ProjectionRunner over the audit store's own database,
 * so the leaf, its parents, the tree size and the runner's checkpoint commit
 * in one transaction: a crash never leaves a leaf without its checkpoint or
 * the reverse.
 */
export function auditTreeProjection(store: AuditStore): Projection {
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
  };
  return {
    name: 'audit-tree',
    version: 1,
    schema: AUDIT_TREE_SCHEMA,
    apply: (event, ctx) => applyBatch([event], ctx),
    applyBatch,
  };
}
