import { dataFiles, APP_CONFIG, AppConfig, CLOCK_SETTINGS } from '@app/runtime';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Database from 'better-sqlite3';
import { ClockSettings } from '@app/domain';
import { EVENT_STORE, EventStore, Position } from '@app/ledger';
import { generationOf, openReadModelDb, readModelProjections } from '@app/projections';
import { ReadinessRegistry } from '../health/readiness';
import { serviceUnavailable } from '../http/problem';
import { ProjectionThread, RemoteRunner } from './projection-thread';
import { AppliedNotice, ReadModelsReport } from './projection-thread-messages';

/** An event the served read models have applied, as the post-commit notice carries it (no data). */
export interface AppliedEvent {
  readonly position: Position;
  readonly stream: string;
  readonly type: string;
  readonly recordedAt: string;
}

export type AppliedEventsListener = (events: readonly AppliedEvent[]) => void;

/** How long a swapped-out database stays open for reads that already hold it. */
const RETIRE_AFTER_MS = 5000;

/**
 * The read models as this thread serves them: a connection to the generation the
 * projection worker applies to, and where the worker reported it stands. The worker
 * commits a batch before it reports it, so a read that waited for a position finds it.
 * When a rebuild swapped a new generation in, the worker catches it up beside the old
 * one and reports it; this connection follows only then (a report of a generation this
 * thread cannot open yet is left for the next), so a position is never read from a
 * generation that has not reached it.
 */
export class ServedReadModels {
  private current: { id: string; db: Database.Database };
  private readonly retiring = new Set<{ db: Database.Database; timer: NodeJS.Timeout }>();
  readonly runner: RemoteRunner;

  constructor(
    readonly file: string,
    thread: ProjectionThread,
    db: Database.Database,
  ) {
    this.current = { id: generationOf(file) ?? 'unknown', db };
    this.runner = thread.readModels((report) => this.report(report));
    thread.onApplied((notices) => this.takeApplied(notices));
  }

  /** The database to read from now; take it afresh for each request. */
  get db(): Database.Database {
    return this.current.db;
  }

  /** Device and inode of the database being served. */
  get generation(): string {
    return this.current.id;
  }

  /** Position of the last event the served generation applied. */
  get position(): Position {
    return this.runner.position;
  }

  get applied(): number {
    return this.runner.applied;
  }

  catchUp(): Promise<number> {
    return this.runner.catchUp();
  }

  poke(): void {
    this.runner.poke();
  }

  pokeSoon(): void {
    this.runner.pokeSoon();
  }

  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    return this.runner.waitFor(position, timeoutMs);
  }

  private report(report: ReadModelsReport): void {
    if (report.generation !== this.current.id && !this.follow(report.generation)) return;
    this.runner.advance(report);
    this.flushApplied();
  }

  private readonly appliedListeners = new Set<AppliedEventsListener>();
  /** Notices the worker sent for events this thread's connection does not reflect yet (a swap not yet followed). */
  private heldApplied: AppliedEvent[] = [];

  /** Listens to the events the served read models applied, each once, in log order, once a read here sees them. */
  onApplied(listener: AppliedEventsListener): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  private takeApplied(notices: readonly AppliedNotice[]): void {
    for (const n of notices) this.heldApplied.push({ ...n, position: BigInt(n.position) });
    this.flushApplied();
  }

  private flushApplied(): void {
    const at = this.runner.position;
    let ready = 0;
    while (ready < this.heldApplied.length && this.heldApplied[ready].position <= at) ready += 1;
    if (ready === 0) return;
    const events = this.heldApplied.slice(0, ready);
    this.heldApplied = this.heldApplied.slice(ready);
    for (const listener of this.appliedListeners) {
      try {
        listener(events);
      } catch {
        // a listener's failure is its own; the read models are unaffected
      }
    }
  }

  /** Opens the generation the worker moved to, if the path still stands for it. */
  private follow(generation: string): boolean {
    if (generationOf(this.file) !== generation) return false;
    const db = new Database(this.file, { fileMustExist: true });
    if (generationOf(this.file) !== generation) {
      db.close();
      return false;
    }
    db.pragma('busy_timeout = 5000');
    const old = this.current.db;
    this.current = { id: generation, db };
    const entry = {
      db: old,
      timer: setTimeout(() => {
        this.retiring.delete(entry);
        if (old.open) old.close();
      }, RETIRE_AFTER_MS),
    };
    entry.timer.unref();
    this.retiring.add(entry);
    return true;
  }

  close(): void {
    for (const entry of this.retiring) {
      clearTimeout(entry.timer);
      if (entry.db.open) entry.db.close();
    }
    this.retiring.clear();
    if (this.current.db.open) this.current.db.close();
  }
}

/**
 * Owns this thread's side of the read models: the connection queries read from, and
 * read-your-writes. The projection runner that keeps them up to date runs on the
 * projection worker (ProjectionThread); a rebuild (`ledger rebuild`) swaps a new
 * generation in under the same path, the worker catches it up and switches, and so does
 * this connection, so reads keep being answered throughout. Take `db` afresh for every request.
 */
@Injectable()
export class ReadModels implements OnApplicationShutdown {
  readonly live: ServedReadModels;
  /** The position of the last write this process acknowledged: reads reflect at least that. */
  private lastWritten: Position = 0n;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_SETTINGS) settings: ClockSettings,
    readiness: ReadinessRegistry,
    thread: ProjectionThread,
  ) {
    // Opened (created, or recreated for another version of the projections) here, before the worker opens it.
    const file = dataFiles(config).readModels;
    const { db } = openReadModelDb(file, readModelProjections(settings));
    this.live = new ServedReadModels(file, thread, db);
    readiness.register({
      name: 'projections',
      probe: async () => {
        const head = (await this.store.head()).position;
        return {
          ok: this.live.position >= head,
          details: { position: this.live.position.toString(), head: head.toString() },
        };
      },
    });
  }

  /** The database of the generation being served. */
  get db(): Database.Database {
    return this.live.db;
  }

  /** Catch-up, position and waiting, across rebuilds. */
  get runner(): ServedReadModels {
    return this.live;
  }

  onApplicationShutdown(): void {
    this.live.close();
  }

  /**
   * Listens to the events the served read models have applied, told after each committed
   * batch (each event once, in log order) once a read on this thread sees them: the
   * post-commit notice. Returns the unsubscribe.
   */
  onApplied(listener: AppliedEventsListener): () => void {
    return this.live.onApplied(listener);
  }

  /** Called after every acknowledged append: reads will wait for it, and the worker applies it within a few ms. */
  written(position: Position): void {
    if (position > this.lastWritten) this.lastWritten = position;
    this.live.pokeSoon();
  }

  /**
   * Waits until the read models reflect `minPosition` (if given) and this process's own
   * last write, then returns the position they reflect; 503 after the configured timeout.
   */
  async ready(minPosition?: Position): Promise<Position> {
    const target = minPosition !== undefined && minPosition > this.lastWritten ? minPosition : this.lastWritten;
    if (!(await this.live.waitFor(target, this.config.minPositionTimeoutMs))) {
      throw serviceUnavailable(
        `the read models have not reached position ${target} yet (they are at ${this.live.position}); retry shortly`,
      );
    }
    return this.live.position;
  }
}
