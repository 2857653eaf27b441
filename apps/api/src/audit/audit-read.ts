import type { Position } from '@app/ledger';
import { badRequest, notFound, ProblemException } from '../http/problem';
import type { AuditService, CheckpointView } from './audit.service';

/** What an audit query answers: the body, and the position of the audit tree it reflects (`X-Ledger-Position`). */
export interface AuditAnswer<T> {
  readonly position: Position;
  readonly body: T;
}

/** A validated digit string as a safe integer (or the default when absent). */
export function auditNumber(value: string | undefined, field: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw badRequest(`${field} is required`, [{ field, message: 'is required' }]);
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed))
    throw badRequest(`${field} is too large`, [{ field, message: 'must be below 2^53' }]);
  return parsed;
}

/** The latest signed checkpoint, or 404 before the first. */
export function latestCheckpointOrNotFound(audit: AuditService): CheckpointView {
  const latest = audit.latestCheckpoint();
  if (!latest)
    throw notFound('no checkpoint has been signed yet (the ledger is empty, or the first one is moments away)');
  return latest;
}

/** 422 `audit/size-beyond-tree` for a size the tree has not reached yet. */
export function assertWithinTree(audit: AuditService, size: number, field: string): void {
  const treeSize = audit.store.size;
  if (size > treeSize) {
    throw new ProblemException(
      422,
      'audit/size-beyond-tree',
      'The audit tree is not that large',
      `${field} ${size} is beyond the audit tree, which holds ${treeSize} events; retry later or pass minPosition`,
      [{ field, message: `must not exceed ${treeSize}` }],
      { treeSize },
    );
  }
}
