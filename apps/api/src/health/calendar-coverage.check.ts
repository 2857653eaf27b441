import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { calendarCoverage, CalendarCoverage, ClockSettings } from '@app/domain';
import { Clock, CLOCK, CLOCK_SETTINGS } from '@app/runtime';
import { ReadinessRegistry } from './readiness';

/**
 * Says it before it bites: when the official calendar lacks the current year (or, from
 * 1 November, the next one), `/health/ready` carries the warning in its `calendar` details
 * and the start-up log warns. The check stays up: a missing year makes weekends the only
 * rest days (every deadline says so), which is no reason to take an instance out of service.
 */
@Injectable()
export class CalendarCoverageCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Calendar');

  constructor(
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    readiness: ReadinessRegistry,
  ) {
    readiness.register({
      name: 'calendar',
      probe: () => {
        const { knownYears, missingYears, warnings } = this.coverage();
        return Promise.resolve({ ok: true, details: { knownYears, missingYears, warnings } });
      },
    });
  }

  coverage(): CalendarCoverage {
    return calendarCoverage(this.settings.calendar, this.clock.today());
  }

  onApplicationBootstrap(): void {
    for (const warning of this.coverage().warnings) this.logger.warn(warning);
  }
}
