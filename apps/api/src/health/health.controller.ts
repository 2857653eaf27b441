import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { ReadinessRegistry } from './readiness';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readiness: ReadinessRegistry,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the ledger is open and every registered check (e.g. projections caught up) passes. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.ledgerOpen(),
      ...this.readiness.all().map((check) => async () => {
        const state = this.indicator.check(check.name);
        const result = await check.probe();
        return result.ok ? state.up(result.details) : state.down(result.details);
      }),
    ]);
  }

  private async ledgerOpen(): Promise<HealthIndicatorResult> {
    const state = this.indicator.check('ledger');
    try {
      const head = await this.store.head();
      return state.up({ position: head.position.toString(), events: head.events });
    } catch (error) {
      return state.down({ message: (error as Error).message });
    }
  }
}
