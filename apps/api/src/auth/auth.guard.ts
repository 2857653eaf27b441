import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { evolvePrincipal, PrincipalStateOrNone, streams, tokenRefusal, upcastEvent } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { principalByTokenHash } from '@app/projections';
import { hashToken, isRole, Principal, PrincipalUsage, Role, sameHash } from '@app/security';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@app/runtime';
import { forbidden, unauthorized } from '../http/problem';
import { ReadModels } from '../read-models/read-models.service';
import { PRINCIPAL_USAGE } from '../principals/principal-usage.provider';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

const MAX_KEPT_TOKENS = 10_000;

export const BOOTSTRAP_ADMIN: Principal = {
  id: 'admin',
  name: 'bootstrap admin (LEDGER_ADMIN_TOKEN)',
  role: 'admin',
  units: [],
};

/**
 * Bearer tokens → principals; then the route's roles. 401 without a valid token, 403 for a wrong role.
 *
 * Revocation, token replacement, expiry and a handler's units are decided on every request
 * from the principal's own stream in the log, not from the read model or a cache: the read
 * model only says which principal a token hash was issued to (a fact that never changes), and
 * the stream, read afresh, says whether that token still admits it. So a revocation or a
 * units change acknowledged by any instance sharing the log is seen by the next request to
 * every instance, with no cache window and without waiting for a projection. The cost is one
 * indexed read per request: the fold of a stream's prefix never changes (the log is
 * append-only), so the guard keeps each principal's fold with the revision it reached and
 * reads only the events after it (none, nearly always), never a cached verdict. Which
 * principal a token hash belongs to is kept as well, for the same reason.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly adminTokenHash: string | null;
  /** Token hash → the principal it was issued to (a fact of the log that never changes). */
  private readonly issuedTo = new Map<string, string>();
  /** Each principal's stream folded so far, and the revision the next read starts at. */
  private readonly folds = new Map<string, { state: PrincipalStateOrNone; next: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly readModels: ReadModels,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PRINCIPAL_USAGE) private readonly usage: PrincipalUsage,
  ) {
    this.adminTokenHash = config.adminToken ? hashToken(config.adminToken) : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) throw unauthorized('send `Authorization: Bearer <token>`');
    const principal = await this.principalFor(match[1]);
    if (typeof principal === 'string') throw unauthorized(`the bearer token is not valid (${principal})`);
    if (!principal) throw unauthorized('the bearer token is not valid');
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw forbidden(`this needs the role ${roles.join(' or ')}; you are ${principal.role}`);
    }
    return true;
  }

  /** The principal the token admits; 'revoked' or 'expired' to say why not; null for no such token. */
  private async principalFor(token: string): Promise<Principal | 'revoked' | 'expired' | null> {
    const hash = hashToken(token);
    if (this.adminTokenHash && sameHash(hash, this.adminTokenHash)) return BOOTSTRAP_ADMIN;
    const principalId = await this.principalIdOf(hash);
    if (principalId === null) return null;
    // The stream, not the read model, decides: it is never behind an acknowledged write.
    const state = await this.principalState(streams.principal(principalId).name);
    const now = this.clock.now();
    const refusal = tokenRefusal(state, hash, now.toISOString(), sameHash);
    if (refusal === 'unknown' || refusal === 'replaced') return null;
    if (refusal) return refusal;
    if (!state || !isRole(state.role)) return null;
    this.usage.used(state.principalId, now);
    return { id: state.principalId, name: state.name, role: state.role, units: [...state.units] };
  }

  /** Whom a token hash was issued to, from the read model; kept, since that never changes. */
  private async principalIdOf(hash: string): Promise<string | null> {
    const known = this.issuedTo.get(hash);
    if (known !== undefined) return known;
    let row = principalByTokenHash(this.readModels.db, hash);
    if (!row) {
      // A principal created a moment ago may not be projected yet.
      await this.readModels.runner.catchUp();
      row = principalByTokenHash(this.readModels.db, hash);
    }
    if (!row) return null;
    // Bounded: a flood of distinct valid tokens only costs look-ups again, never memory.
    if (this.issuedTo.size >= MAX_KEPT_TOKENS) this.issuedTo.clear();
    this.issuedTo.set(hash, row.id);
    return row.id;
  }

  /** The principal's stream folded to its end: the kept fold, and whatever was appended after it. */
  private async principalState(stream: string): Promise<PrincipalStateOrNone> {
    const kept = this.folds.get(stream) ?? { state: null, next: 0 };
    const appended = await this.store.readStream(stream, kept.next);
    if (appended.length === 0) return kept.state;
    const state = appended.map((event) => upcastEvent(event)).reduce(evolvePrincipal, kept.state);
    this.folds.set(stream, { state, next: appended[appended.length - 1].revision + 1 });
    return state;
  }
}
