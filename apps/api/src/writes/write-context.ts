import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CanonicalJsonError, canonicalJson } from '@app/ledger';
import { Principal } from '@app/security';
import { badRequest } from '../http/problem';
import { assertNotTooDeep } from '../http/validation';

/** What every write carries besides its body: who, which request, and its concurrency/idempotency headers. */
export interface WriteContext {
  principal: Principal;
  correlationId: string | null;
  /** Idempotency-Key, scoped to the principal so two clerks' keys never collide. */
  idempotencyKey?: string;
  /** Hash of method, path and body: "the same request" for an idempotency key ('' without a key). */
  fingerprint: string;
  /** The stream revision the client expects (If-Match), if it sent one. */
  ifMatch?: number;
}

export const Write = createParamDecorator((_data: unknown, context: ExecutionContext): WriteContext => {
  const request = context.switchToHttp().getRequest<{
    principal: Principal;
    id?: string;
    method: string;
    originalUrl: string;
    body: unknown;
    headers: Record<string, string | undefined>;
  }>();
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (key.length === 0 || key.length > 128)) {
    throw badRequest('Idempotency-Key must be 1 to 128 characters', [
      { field: 'Idempotency-Key', message: 'must be 1 to 128 characters' },
    ]);
  }
  const ifMatch = request.headers['if-match'];
  let expected: number | undefined;
  if (ifMatch !== undefined) {
    const match = /^\s*"?(\d{1,15})"?\s*$/.exec(ifMatch);
    if (!match)
      throw badRequest('If-Match must be a stream revision such as "3"', [
        { field: 'If-Match', message: 'must be a revision such as "3"' },
      ]);
    expected = Number(match[1]);
  }
  const path = request.originalUrl.split('?')[0];
  assertNotTooDeep(request.body);
  let fingerprint = '';
  try {
    const canonical = canonicalJson({ method: request.method, path, body: request.body ?? null });
    // Compared only with an Idempotency-Key; the encoding above still refuses what JSON cannot carry.
    if (key !== undefined) fingerprint = sha256(canonical);
  } catch (error) {
    // e.g. 1e400 or 12345678901234567890: no field of any write takes such a number.
    if (error instanceof CanonicalJsonError)
      throw badRequest('the request body holds a number that JSON cannot carry exactly');
    throw error;
  }
  return {
    principal: request.principal,
    correlationId: request.id ?? null,
    // Scoped to the principal and hashed: the client's key may be 128 characters, the store's as well.
    idempotencyKey: key === undefined ? undefined : `${request.principal.id}:${sha256(key)}`,
    fingerprint,
    ifMatch: expected,
  };
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
