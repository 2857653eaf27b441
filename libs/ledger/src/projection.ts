import type Database from 'better-sqlite3';
import { EventEnvelope } from './event-envelope';

export interface ApplyContext {
  db: Database.Database;
  /** The event's index in the global order (0, 1, 2, ...), as the audit tree numbers leaves. */
  index: number;
  /**
   * True while a runner builds a file that nobody reads before it is complete and that a
   * crash discards (a rebuild's new generation): a projection may then hold rows back
   * across batches, as long as `finish` writes them.
   */
  bulk?: boolean;
}

/**
 * A read model: its tables and how one event changes them. `apply` runs inside the
 * runner's transaction together with the checkpoint, so it must be synchronous and
 * must not commit on its own.
 */
export interface Projection {
  name: string;
  /** DDL creating the model's tables; bump `version` when it changes to force a rebuild. */
  schema: string;
  version: number;
  apply(event: EventEnvelope, ctx: ApplyContext): void;
  /**
   * Optional: applies a run of consecutive events at once, in the same transaction;
   * `ctx.index` is the first one's index. A runner that finds it calls it once per batch
   * instead of `apply` per event (after the per-event projections of that batch), so a
   * model whose cost is per statement (the audit tree's node rows) can write in bulk.
   */
  applyBatch?(events: readonly EventEnvelope[], ctx: ApplyContext): void;
  /** Optional: writes what a bulk build held back (see `ApplyContext.bulk`); called once, when it is caught up. */
  finish?(ctx: ApplyContext): void;
}
