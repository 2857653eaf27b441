import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, EventStore, Position, SqliteEventStore } from '@app/ledger';
import { PositionWaiters } from '@app/projections';
import { APP_CONFIG, AppConfig } from '@app/runtime';
import {
  AppliedNotice,
  FromWorker,
  ProjectionWorkerData,
  ReadModelsReport,
  RunnerReport,
  ToWorker,
} from './projection-thread-messages';

/** How long an append's poke waits for others to join it (pokeSoon). */
const WRITE_POKE_DELAY_MS = 5;

/**
 * A projection runner that runs on the projection worker, as the main thread sees it:
 * the position it last reported as committed, waiting for a position, and asking it to
 * catch up now. The reports arrive in the order the worker committed them.
 */
export class RemoteRunner {
  private current: Position = 0n;
  private count = 0;
  private readonly waiters = new PositionWaiters();

  constructor(
    private readonly thread: ProjectionThread,
    private readonly target: 'readModels' | 'audit',
  ) {}

  /** Position of the last event the worker reported applied (and committed). */
  get position(): Position {
    return this.current;
  }

  /** Events applied: the audit index of the next one. */
  get applied(): number {
    return this.count;
  }

  /** Takes a report of the worker's: waiters whose position it reaches are released. */
  advance(report: RunnerReport): void {
    this.current = BigInt(report.position);
    this.count = report.applied;
    this.waiters.notify(this.current);
  }

  /** Has the worker apply everything the log holds now; resolves once that is reported. Returns events applied. */
  catchUp(): Promise<number> {
    return this.thread.catchUp(this.target);
  }

  /** Someone waits for the worker: it applies what the log holds now rather than at its next poll. */
  poke(): void {
    this.thread.poke();
  }

  /** An append happened in this process: the worker applies it soon, with the appends that follow it. */
  pokeSoon(): void {
    this.thread.pokeSoon();
  }

  /** Resolves true once `position` is reported applied, false after the timeout. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.current >= position) return Promise.resolve(true);
    this.poke();
    return this.waiters.wait(position, timeoutMs);
  }
}

/**
 * Hosts the projection worker (projection-worker.ts): the read models' runner and the
 * audit tree's run there, on their own event loop and connections, so that their batches
 * never hold an HTTP request. Started once every provider has opened its files (schemas
 * and migrations happen on this thread, before the worker opens them); stopped before
 * they close. A worker that dies is logged and started again.
 */
@Injectable()
export class ProjectionThread implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  readonly audit = new RemoteRunner(this, 'audit');
  private readonly readModelsRunner = new RemoteRunner(this, 'readModels');
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly requests = new Map<number, (applied: number) => void>();
  private stopping = false;
  private pokeScheduled = false;
  private delayedPoke: NodeJS.Timeout | null = null;
  private readModelsListener: (report: ReadModelsReport, swapped: boolean) => void = (report) =>
    this.readModelsRunner.advance(report);
  private auditListener: () => void = () => undefined;
  private appliedListener: (events: readonly AppliedNotice[]) => void = () => undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The read models' runner; `onReport` sees each report first (a new generation to open before reading it). */
  readModels(onReport: (report: ReadModelsReport, swapped: boolean) => void): RemoteRunner {
    this.readModelsListener = onReport;
    return this.readModelsRunner;
  }

  /** Told the events each read-model batch applied, after that batch's report (the post-commit notice). */
  onApplied(listener: (events: readonly AppliedNotice[]) => void): void {
    this.appliedListener = listener;
  }

  /** Told after each audit batch the worker committed (the checkpoint policy runs here). */
  onAuditBatch(listener: () => void): void {
    this.auditListener = listener;
  }

  async onModuleInit(): Promise<void> {
    await this.start();
  }

  private start(): Promise<void> {
    return new Promise((ready, fail) => {
      const data: ProjectionWorkerData = {
        config: this.config,
        ...(this.store instanceof SqliteEventStore ? { durableMark: this.store.durableMark.buffer } : {}),
      };
      const worker = startWorker(data);
      this.worker = worker;
      let started = false;
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'ready') {
          started = true;
          this.readModelsListener(message.readModels, false);
          this.audit.advance(message.audit);
          ready();
        } else this.receive(message);
      });
      worker.on('error', (error) => {
        if (!started) fail(error);
        else this.logger.error({ err: error }, 'the projection worker failed');
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        // Nobody will answer these now: they resolve as "nothing applied", as a failed catch-up does.
        for (const resolve of this.requests.values()) resolve(0);
        this.requests.clear();
        if (!started) fail(new Error(`the projection worker exited (${code}) before it started`));
        else if (!this.stopping) {
          this.logger.error(`the projection worker exited (${code}); starting it again`);
          setTimeout(() => {
            if (!this.stopping) this.start().catch((error) => this.logger.error({ err: error }, 'restart failed'));
          }, 1000).unref();
        }
      });
    });
  }

  private receive(message: FromWorker): void {
    switch (message.kind) {
      case 'readModels':
      case 'swapped':
        this.readModelsListener(message.report, message.kind === 'swapped');
        return;
      case 'applied':
        this.appliedListener(message.events);
        return;
      case 'audit':
        this.audit.advance(message.report);
        this.auditListener();
        return;
      case 'caughtUp': {
        const resolve = this.requests.get(message.id);
        this.requests.delete(message.id);
        if (message.error) this.logger.error(`catching up failed: ${message.error}`);
        resolve?.(message.applied);
        return;
      }
      case 'error':
        this.logger.error(
          { err: { message: message.message, stack: message.stack } },
          message.source === 'audit' ? 'audit tree update failed; retrying' : 'projection failed; retrying',
        );
        return;
    }
  }

  private send(message: ToWorker): boolean {
    if (!this.worker) return false;
    this.worker.postMessage(message);
    return true;
  }

  /** One message however many waiters or appends a turn of the event loop saw. */
  poke(): void {
    if (this.delayedPoke) {
      clearTimeout(this.delayedPoke);
      this.delayedPoke = null;
    }
    if (this.pokeScheduled) return;
    this.pokeScheduled = true;
    setImmediate(() => {
      this.pokeScheduled = false;
      this.send({ kind: 'poke' });
    });
  }

  /**
   * After an acknowledged append: the poke waits a few milliseconds for the appends that
   * follow, so that under load the worker applies them in one batch (one transaction, one
   * report, one read of the applied events here) instead of one batch per group commit.
   * A read waiting for a position pokes at once (poke), so read-your-writes never waits for it.
   */
  pokeSoon(): void {
    if (this.delayedPoke || this.pokeScheduled) return;
    this.delayedPoke = setTimeout(() => {
      this.delayedPoke = null;
      this.poke();
    }, WRITE_POKE_DELAY_MS);
    this.delayedPoke.unref();
  }

  catchUp(target: 'readModels' | 'audit'): Promise<number> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.requests.set(id, resolve);
      if (!this.send({ kind: 'catchUp', id, target })) {
        this.requests.delete(id);
        resolve(0);
      }
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.delayedPoke) clearTimeout(this.delayedPoke);
    this.delayedPoke = null;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    this.send({ kind: 'stop' });
    // The worker ends its runners after their current batch; a stuck one is ended for it.
    const timer = setTimeout(() => void worker.terminate(), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * The compiled worker beside this file; run from the TypeScript sources (jest, and the
 * children the kill tests start), the worker compiles them with the same swc hook.
 */
function startWorker(workerData: ProjectionWorkerData): Worker {
  const compiled = join(__dirname, 'projection-worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData });
  const source = join(__dirname, 'projection-worker.ts');
  const hook = resolve(__dirname, '../../../../test/support/register-ts.js');
  const code = `require(${JSON.stringify(hook)}); require(${JSON.stringify(source)});`;
  return new Worker(code, { eval: true, workerData });
}
