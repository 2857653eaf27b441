import { Injectable } from '@nestjs/common';

/** A named condition for `/health/ready`, contributed by modules (e.g. projections caught up). */
export interface ReadinessCheck {
  name: string;
  probe(): Promise<{ ok: boolean; details?: Record<string, unknown> }>;
}

/** Modules register their readiness checks here on init; the health controller runs them all. */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  all(): readonly ReadinessCheck[] {
    return this.checks;
  }
}
