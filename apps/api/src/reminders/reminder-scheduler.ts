import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { ClockSettings, msUntilReminder, parseReminderAt } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { APP_CONFIG, AppConfig, Clock, CLOCK, CLOCK_SETTINGS } from '@app/runtime';
import { ReadModels } from '../read-models/read-models.service';
import { ChannelSecrets } from './channel-secrets';
import { ReminderJob } from './reminder-job';
import { ReminderOutbox } from './reminder-outbox';
import { unitNames } from './unit-names';

/** How the scheduler waits: real timers in the server, a hand-fired one in tests. */
export interface ReminderTimer {
  schedule(run: () => Promise<void>, ms: number): { cancel(): void };
}

export const REMINDER_TIMER = Symbol('REMINDER_TIMER');

/** Node's timers; unref'd so a pending reminder never keeps a finished process alive. */
export const realTimer: ReminderTimer = {
  schedule(run, ms) {
    const handle = setTimeout(() => void run(), ms);
    handle.unref();
    return { cancel: () => clearTimeout(handle) };
  },
};

/** A round that left digests unacknowledged is tried again this much later (before the next day's run). */
export const RETRY_MS = 10 * 60 * 1000;

/**
 * Runs the daily reminder job in the server process at `LEDGER_REMINDER_AT` (business
 * time zone; unset: off). Once at start-up (a digest recorded before a restart is sent,
 * and a day whose time has passed is recorded), then at the next HH:MM by the injected
 * Clock, and again after RETRY_MS while a channel has not acknowledged. The job itself is
 * idempotent per unit and day, so an extra run changes nothing.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReminderScheduler');
  private readonly job: ReminderJob | null;
  private readonly atMinutes: number | null;
  private next: { cancel(): void } | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
    private readonly readModels: ReadModels,
    secrets: ChannelSecrets,
    @Optional() @Inject(REMINDER_TIMER) private readonly timer: ReminderTimer = realTimer,
  ) {
    this.atMinutes = config.reminderAt === null ? null : parseReminderAt(config.reminderAt);
    if (config.reminderAt === null) {
      this.job = null;
      return;
    }
    const outbox = new ReminderOutbox({
      store,
      now: () => clock.now(),
      sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
      fetch,
      unitName: (code) => unitNames(this.readModels.db)(code),
    });
    this.job = new ReminderJob({
      store,
      readModel: () => ({ db: this.readModels.db, position: this.readModels.runner.position }),
      calendar: settings.calendar,
      timeZone: settings.timeZone,
      at: config.reminderAt,
      now: () => clock.now().toISOString(),
      outbox,
      unseal: secrets,
    });
  }

  /** Whether the timer is on (LEDGER_REMINDER_AT set). */
  get enabled(): boolean {
    return this.job !== null;
  }

  onApplicationBootstrap(): void {
    if (this.job) this.after(0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.next?.cancel();
  }

  private after(ms: number): void {
    if (this.stopped) return;
    this.next = this.timer.schedule(() => this.run(), ms);
  }

  /** One run of the job, then the next wait: to the next HH:MM, or sooner for a retry. */
  async run(): Promise<void> {
    let pending = 0;
    try {
      // The digests are computed from the read model: it must have caught up with the log.
      await this.readModels.ready();
      const result = await this.job!.tick();
      pending = result.pending;
      if (result.delivered > 0 || pending > 0) {
        this.logger.log(`reminder ${result.date}: ${result.delivered} delivered, ${pending} pending`);
      }
    } catch (error) {
      pending = 1;
      this.logger.error({ err: error }, 'the daily reminder failed; trying again later');
    }
    const untilNext = msUntilReminder(this.clock.now().toISOString(), this.atMinutes!, this.settings.timeZone);
    this.after(pending > 0 ? Math.min(RETRY_MS, untilNext) : untilNext);
  }
}
