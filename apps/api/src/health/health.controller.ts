import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { ReadinessRegistry } from './readiness';

/** terminus' HealthCheckResult of a passing check; a failing one is a 503 problem that keeps `info` and `details`. */
const HEALTHY = {
  description: 'Up: every check passes',
  schema: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['ok'] },
      info: { type: 'object', additionalProperties: true, example: { ledger: { status: 'up' } } },
      error: { type: 'object', additionalProperties: true },
      details: { type: 'object', additionalProperties: true },
    },
    required: ['status'],
  },
};

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
  @ApiOperation({ summary: 'Liveness: the process answers', operationId: 'getLiveness', security: [] })
  @ApiOkResponse(HEALTHY)
  @ApiProblems(503)
  // Documented above (the 503 is a problem): terminus' own description would call it application/json.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  live() {
    return this.health.check([]);
  }

  /** Readiness: the ledger is open and every registered check (e.g. projections caught up) passes. */
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the ledger is open and every check (e.g. projections caught up) passes',
    operationId: 'getReadiness',
    security: [],
  })
  @ApiOkResponse(HEALTHY)
  @ApiProblems(503)
  // Documented above (the 503 is a problem): terminus' own description would call it application/json.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
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
