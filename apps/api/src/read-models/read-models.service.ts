import { dataFiles, APP_CONFIG, AppConfig, CLOCK_SETTINGS } from '@app/runtime';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { ClockSettings } from '@app/domain';
import { EVENT_STORE, EventStore, Position } from '@app/ledger';
import { LiveReadModels, readModelProjections } from '@app/projections';
import { ReadinessRegistry } from '../health/readiness';
import { serviceUnavailable } from '../http/problem';

/**
 * Owns the read-model database and the runner that keeps it up to date. Query code
 * asks it for the database after waiting for the position it must reflect. A rebuild
 * (`ledger rebuild`) swaps a new generation in under the same path; the live loop
 * notices within a poll interval, catches the new one up beside the old and switches,
 * so reads keep being answered throughout. Take `db` afresh for every request.
 */
@Injectable()
export class ReadModels implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReadModels');
  readonly live: LiveReadModels;
  /** The position of the last write this process acknowledged: reads reflect at least that. */
  private lastWritten: Position = 0n;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_SETTINGS) settings: ClockSettings,
    readiness: ReadinessRegistry,
  ) {
    this.live = new LiveReadModels(store, dataFiles(config).readModels, readModelProjections(settings), {
      onError: (error) => this.logger.error({ err: error }, 'projection failed; retrying'),
      onSwap: ({ generation, position }) =>
        this.logger.log(`read models: switched to the rebuilt generation ${generation} at position ${position}`),
    });
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
  get runner(): LiveReadModels {
    return this.live;
  }

  onModuleInit(): void {
    this.live.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.live.close();
  }

  /** Called after every acknowledged append: reads will wait for it, and the runner applies it now. */
  written(position: Position): void {
    if (position > this.lastWritten) this.lastWritten = position;
    this.live.poke();
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
