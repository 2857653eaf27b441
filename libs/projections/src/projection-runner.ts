import type Database from 'better-sqlite3';
import { PositionWaiters } from './position-waiters';
import { FollowLoop } from './follow-loop';
import { EventEnvelope, EventStore, Position, type Projection } from '@app/ledger';

export interface RunnerOptions {
  batchSize?: number;
  /** How often the live loop looks for events written by another process. */
  pollIntervalMs?: number;
  onBatch?: (info: { position: Position; applied: number }) => void;
  /**
   * Told, after each batch has committed and the position moved, which events it applied
   * (each once, in log order, none already applied by an earlier batch or another runner).
   * A post-commit notice: a read made once this is called sees the batch. A listener that
   * throws is reported to `onError` and changes nothing.
   */
  onApplied?: AppliedListener;
  onError?: (error: unknown) => void;
  /**
   * The file is being built from scratch, nobody reads it before `finish()`, and a crash
   * discards it (a rebuild): projections may hold rows back across batches (`ApplyContext.bulk`).
   */
  bulk?: boolean;
}

/** The observer port of the runner: the events a committed batch applied. */
export type AppliedListener = (events: readonly EventEnvelope[]) => void;

/**
 * Reads the global log from its checkpoint, in order and in batches, and hands each
 * event to every projection. The rows and the checkpoint commit in one transaction,
 * so a crash neither skips nor repeats an event.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private checkpoint: { position: Position; nextIndex: number };
  private readonly follow: FollowLoop;
  private busy: Promise<number> = Promise.resolve(0);
  private readonly waiters = new PositionWaiters();
  /** Applies what is new in a batch and returns the events that were new. */
  private readonly applyBatch: (events: EventEnvelope[]) => EventEnvelope[];
  private readonly finishBulk: Database.Transaction<() => void>;

  constructor(
    private readonly store: EventStore,
    readonly db: Database.Database,
    private readonly projections: Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.follow = new FollowLoop(
      () => this.catchUp(),
      this.pollIntervalMs,
      (error) => this.options.onError?.(error),
    );
    const load = db.prepare<[], { position: string; next_index: number }>(
      'SELECT position, next_index FROM runner_state WHERE id = 1',
    );
    const stored = () => {
      const row = load.get()!;
      return { position: BigInt(row.position), nextIndex: row.next_index };
    };
    this.checkpoint = stored();
    const save = db.prepare('UPDATE runner_state SET position = ?, next_index = ? WHERE id = 1');
    // Projections that take a whole batch at once (the audit tree) get it after the per-event ones.
    const batched = projections.filter((p) => p.applyBatch !== undefined);
    const perEvent = projections.filter((p) => p.applyBatch === undefined);
    const bulk = options.bulk === true;
    const apply = db.transaction(
      (events: EventEnvelope[]): { position: Position; nextIndex: number; fresh: EventEnvelope[] } => {
        // The stored checkpoint, not the one in memory, decides what is new: another runner on
        // the same file (the API and `ledger project`, or a runner that was swapped out) may
        // have applied part of this batch already. Under the write lock, nothing can interleave.
        const from = stored();
        let index = from.nextIndex;
        let position = from.position;
        const fresh: EventEnvelope[] = [];
        for (const event of events) {
          if (event.position <= position) continue;
          for (const projection of perEvent) projection.apply(event, { db, index, bulk });
          fresh.push(event);
          index += 1;
          position = event.position;
        }
        if (fresh.length > 0)
          for (const projection of batched) projection.applyBatch!(fresh, { db, index: from.nextIndex, bulk });
        if (position !== from.position) save.run(position.toString(), index);
        return { position, nextIndex: index, fresh };
      },
    );
    this.finishBulk = db.transaction(() => {
      for (const projection of projections) projection.finish?.({ db, index: stored().nextIndex, bulk });
    });
    // IMMEDIATE: take the write lock before reading the checkpoint, so two runners serialize.
    // The checkpoint in memory moves only once the transaction has committed.
    this.applyBatch = (events) => {
      const { position, nextIndex, fresh } = apply.immediate(events);
      this.checkpoint = { position, nextIndex };
      return fresh;
    };
  }

  /** Position of the last event applied (START when none). */
  get position(): Position {
    return this.checkpoint.position;
  }

  /** Number of events applied: the audit index of the next one. */
  get applied(): number {
    return this.checkpoint.nextIndex;
  }

  /** Applies everything the log holds now; serialized with the live loop. Returns events applied. */
  catchUp(): Promise<number> {
    const run = this.busy.then(() => this.drain());
    this.busy = run.catch(() => 0);
    return run;
  }

  private async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.store.readAll(this.checkpoint.position + 1n, this.batchSize);
      if (batch.length === 0) return total;
      const fresh = this.applyBatch(batch);
      const applied = fresh.length;
      total += applied;
      this.options.onBatch?.({ position: this.checkpoint.position, applied });
      this.notifyWaiters();
      if (applied > 0) this.tellApplied(fresh);
      if (batch.length < this.batchSize) return total;
      // A long catch-up must not hold the event loop: let waiting requests run between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Writes what the projections held back in a bulk build: call once caught up, before the file is read. */
  async finish(): Promise<void> {
    await this.busy;
    this.finishBulk.immediate();
  }

  /** Catches up, then follows the log live until `stop()`. */
  start(): void {
    this.follow.start();
  }

  /** In-process notification that something was appended: apply it now rather than at the next poll. */
  poke(): void {
    this.follow.poke();
  }

  async stop(): Promise<void> {
    await this.follow.stop();
    await this.busy;
  }

  /** Resolves true once `position` is applied, false after the timeout. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.checkpoint.position >= position) return Promise.resolve(true);
    this.poke();
    return this.waiters.wait(position, timeoutMs);
  }

  private notifyWaiters(): void {
    this.waiters.notify(this.checkpoint.position);
  }

  /** The post-commit notice: never part of applying, so a failing listener cannot undo or stall it. */
  private tellApplied(events: readonly EventEnvelope[]): void {
    const listener = this.options.onApplied;
    if (!listener) return;
    try {
      listener(events);
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
