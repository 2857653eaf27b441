import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, Observable, switchMap } from 'rxjs';
import { PUBLIC_KEY } from '../auth/auth.decorators';
import { badRequest } from '../http/problem';
import { ReadModels } from './read-models.service';

/**
 * Read-your-writes for every GET: waits until the read models have applied
 * `minPosition` (and this process's own last write), 503 after the timeout, and
 * stamps the position the answer reflects in `X-Ledger-Position`.
 */
@Injectable()
export class ReadPositionInterceptor implements NestInterceptor {
  constructor(
    private readonly readModels: ReadModels,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<{ method: string; query: Record<string, unknown> }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (request.method !== 'GET' || isPublic) return next.handle();
    const raw = request.query.minPosition;
    if (raw !== undefined && (typeof raw !== 'string' || !/^\d{1,30}$/.test(raw))) {
      throw badRequest('minPosition must be a ledger position (digits)', [
        { field: 'minPosition', message: 'must be digits' },
      ]);
    }
    return from(this.readModels.ready(raw === undefined ? undefined : BigInt(raw))).pipe(
      switchMap((position) => {
        http
          .getResponse<{ setHeader(name: string, value: string): void }>()
          .setHeader('X-Ledger-Position', position.toString());
        return next.handle();
      }),
    );
  }
}
