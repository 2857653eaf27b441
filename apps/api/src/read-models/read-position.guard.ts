import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY } from '../auth/auth.decorators';
import { badRequest } from '../http/problem';
import { ReadModels } from './read-models.service';

/**
 * Read-your-writes for every GET: waits until the read models have applied
 * `minPosition` (and this process's own last write), 503 after the timeout, and
 * stamps the position the answer reflects in `X-Ledger-Position`.
 *
 * A guard registered after the AuthGuard rather than an interceptor: it runs at the same
 * point (after authentication, before the pipes and the handler), but a global
 * interceptor puts every request, writes too, through Nest's rxjs chain and its
 * AsyncResource bindings, which cost a write more than its own SQLite work.
 */
@Injectable()
export class ReadPositionGuard implements CanActivate {
  constructor(
    private readonly readModels: ReadModels,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<{ method: string; query: Record<string, unknown> }>();
    if (request.method !== 'GET') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const raw = request.query.minPosition;
    if (raw !== undefined && (typeof raw !== 'string' || !/^\d{1,30}$/.test(raw))) {
      throw badRequest('minPosition must be a ledger position (digits)', [
        { field: 'minPosition', message: 'must be digits' },
      ]);
    }
    const position = await this.readModels.ready(raw === undefined ? undefined : BigInt(raw));
    http
      .getResponse<{ setHeader(name: string, value: string): void }>()
      .setHeader('X-Ledger-Position', position.toString());
    return true;
  }
}
