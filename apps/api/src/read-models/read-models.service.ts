import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { ClockSettings } from '@app/domain';
import { EVENT_STORE, EventStore, Position } from '@app/ledger';
import {
  mattersProjection,
  openReadModelDb,
  principalsProjection,
  Projection,
  ProjectionRunner,
  timelineProjection,
  unitsProjection,
} from '@app/projections';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ReadinessRegistry } from '../health/readiness';
import { CLOCK_SETTINGS } from './clock-settings';
import { serviceUnavailable } from '../http/problem';

export function readModelProjections(settings: ClockSettings): Projection[] {
  return [unitsProjection, principalsProjection, mattersProjection(settings), timelineProjection];
}

/**
 * Owns the read-model database and the runner that keeps it up to date. Query code
 * asks it for the database after waiting for the position it must reflect.
 */
@Injectable()
export class ReadModels implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReadModels');
  readonly db: Database.Database;
  readonly runner: ProjectionRunner;
  /** The position of the last write this process acknowledged: reads reflect at least that. */
  private lastWritten: Position = 0n;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_SETTINGS) settings: ClockSettings,
    readiness: ReadinessRegistry,
  ) {
    const projections = readModelProjections(settings);
    this.db = openReadModelDb(join(config.dataDir, 'read-models.sqlite'), projections).db;
    this.runner = new ProjectionRunner(store, this.db, projections, {
      onError: (error) => this.logger.error({ err: error }, 'projection failed; retrying'),
    });
    readiness.register({
      name: 'projections',
      probe: async () => {
        const head = (await this.store.head()).position;
        return { ok: this.runner.position >= head, details: { position: this.runner.position.toString(), head: head.toString() } };
      },
    });
  }

  onModuleInit(): void {
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.db.close();
  }

  /** Called after every acknowledged append: reads will wait for it, and the runner applies it now. */
  written(position: Position): void {
    if (position > this.lastWritten) this.lastWritten = position;
    this.runner.poke();
  }

  /**
   * Waits until the read models reflect `minPosition` (if given) and this process's own
   * last write, then returns the position they reflect; 503 after the configured timeout.
   */
  async ready(minPosition?: Position): Promise<Position> {
    const target = minPosition !== undefined && minPosition > this.lastWritten ? minPosition : this.lastWritten;
    if (!(await this.runner.waitFor(target, this.config.minPositionTimeoutMs))) {
      throw serviceUnavailable(
        `the read models have not reached position ${target} yet (they are at ${this.runner.position}); retry shortly`,
      );
    }
    return this.runner.position;
  }
}
