import type Database from 'better-sqlite3';
import { PositionWaiters } from './position-waiters';
import { FollowLoop } from './follow-loop';
import { EventEnvelope, EventStore, Position, type Projection } from '@app/ledger';
import { ProjectionRunner, RunnerOptions } from './projection-runner';
import { openReadModelDb } from './read-model-db';
import { generationOf } from './read-model-files';

export interface LiveReadModelsOptions extends Pick<RunnerOptions, 'batchSize' | 'onBatch' | 'onError' | 'onApplied'> {
  /** How often the live loop looks for new events and for a swapped-in generation. */
  pollIntervalMs?: number;
  /** Told after a rebuilt generation was opened, caught up and made current. */
  onSwap?: (info: { generation: string; position: Position }) => void;
  /** How long a swapped-out database stays open for reads that already hold it. */
  retireAfterMs?: number;
}

interface Generation {
  id: string;
  db: Database.Database;
  runner: ProjectionRunner;
}

/**
 * The read models a process serves from, kept up to date by a projection runner and
 * following rebuilds: when the live path stands for another database than the one open
 * (a `ledger rebuild` swapped a new generation in), the new one is opened and caught up
 * beside the old, then made current; the old one stays open a little longer for reads
 * that already hold it, then is closed. Every operation is serialized, so a catch-up
 * never runs against a generation that is being retired.
 */
export class LiveReadModels {
  private current: Generation;
  private readonly pollIntervalMs: number;
  private readonly retireAfterMs: number;
  private busy: Promise<unknown> = Promise.resolve();
  private readonly follow: FollowLoop;
  private readonly retiring = new Set<{ db: Database.Database; timer: NodeJS.Timeout }>();
  private readonly waiters = new PositionWaiters();
  private closed = false;
  /** The last position told to `onApplied`: a generation catching up never tells an event twice. */
  private told: Position = -1n;
  /** Events a generation not yet current applied beyond `told`: told once it is made current. */
  private pending: EventEnvelope[] = [];

  constructor(
    private readonly store: EventStore,
    readonly file: string,
    private readonly projections: Projection[],
    private readonly options: LiveReadModelsOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.follow = new FollowLoop(
      () => this.catchUp(),
      this.pollIntervalMs,
      (error) => this.options.onError?.(error),
    );
    this.retireAfterMs = options.retireAfterMs ?? 5000;
    this.current = this.open();
  }

  /** The database to read from now; take it afresh for each request. */
  get db(): Database.Database {
    return this.current.db;
  }

  /** Position of the last event the current generation applied. */
  get position(): Position {
    return this.current.runner.position;
  }

  /** Events the current generation applied: the audit index of the next one. */
  get applied(): number {
    return this.current.runner.applied;
  }

  /** Device and inode of the database being served. */
  get generation(): string {
    return this.current.id;
  }

  private open(): Generation {
    for (let attempt = 0; ; attempt++) {
      const before = generationOf(this.file);
      const { db } = openReadModelDb(this.file, this.projections);
      const id = generationOf(this.file);
      // A swap between the two looks would leave us unsure which one we opened: look again.
      if ((before === id && id !== null) || attempt >= 5) {
        const generation: Partial<Generation> = { id: id ?? 'unknown', db };
        generation.runner = new ProjectionRunner(this.store, db, this.projections, {
          batchSize: this.options.batchSize,
          onBatch: (info) => {
            this.options.onBatch?.(info);
            this.notifyWaiters();
          },
          onApplied: this.options.onApplied && ((events) => this.tellFrom(generation as Generation, events)),
          onError: this.options.onError,
        });
        return generation as Generation;
      }
      db.close();
    }
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work);
    this.busy = run.catch(() => undefined);
    return run;
  }

  /** Follows a swap if there was one, then applies everything the log holds now. Returns events applied. */
  catchUp(): Promise<number> {
    return this.serialize(async () => {
      await this.followSwap();
      try {
        return await this.current.runner.catchUp();
      } catch (error) {
        // Writing to a generation that was swapped out fails; the new one takes over.
        if (await this.followSwap()) return this.current.runner.catchUp();
        throw error;
      }
    });
  }

  /** Opens, catches up and switches to the generation the live path stands for, if it changed. */
  private async followSwap(): Promise<boolean> {
    if (this.closed || generationOf(this.file) === this.current.id) return false;
    const next = this.open();
    try {
      await next.runner.catchUp();
    } catch (error) {
      next.db.close();
      this.pending = [];
      throw error;
    }
    const old = this.current;
    this.current = next;
    this.retire(old.db);
    this.notifyWaiters();
    const pending = this.pending;
    this.pending = [];
    this.tell(pending);
    this.options.onSwap?.({ generation: next.id, position: next.runner.position });
    return true;
  }

  private retire(db: Database.Database): void {
    const entry = {
      db,
      timer: setTimeout(() => {
        this.retiring.delete(entry);
        if (db.open) db.close();
      }, this.retireAfterMs),
    };
    entry.timer.unref();
    this.retiring.add(entry);
  }

  /** Catches up, then follows the log (and rebuilds) live until `stop()`. */
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

  /** Stops and closes every database it holds. */
  async close(): Promise<void> {
    await this.stop();
    this.closed = true;
    for (const entry of this.retiring) {
      clearTimeout(entry.timer);
      if (entry.db.open) entry.db.close();
    }
    this.retiring.clear();
    if (this.current.db.open) this.current.db.close();
  }

  /** Resolves true once `position` is applied, false after the timeout. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    this.poke();
    return this.waiters.wait(position, timeoutMs);
  }

  /**
   * `onApplied` for what the current generation applied. A rebuilt generation catching up
   * beside it re-applies events already told (skipped) and may get ahead (kept until it is
   * current, so a read made after the notice sees the event).
   */
  private tellFrom(generation: Generation, events: readonly EventEnvelope[]): void {
    if (generation === this.current) this.tell(events);
    else for (const event of events) if (event.position > this.told) this.pending.push(event);
  }

  private tell(events: readonly EventEnvelope[]): void {
    const fresh = events.filter((event) => event.position > this.told);
    if (fresh.length === 0) return;
    this.told = fresh[fresh.length - 1].position;
    try {
      this.options.onApplied?.(fresh);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private notifyWaiters(): void {
    // A runner being caught up beside the current one reports batches too: only the
    // current generation's position counts.
    this.waiters.notify(this.position);
  }
}
