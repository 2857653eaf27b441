import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { principalByTokenHash } from '@app/projections';
import { hashToken, isRole, Principal, Role, sameHash } from '@app/security';
import { APP_CONFIG, AppConfig } from '@app/runtime';
import { forbidden, unauthorized } from '../http/problem';
import { ReadModels } from '../read-models/read-models.service';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

export const BOOTSTRAP_ADMIN: Principal = {
  id: 'admin',
  name: 'bootstrap admin (LEDGER_ADMIN_TOKEN)',
  role: 'admin',
  units: [],
};

/** Bearer tokens → principals; then the route's roles. 401 without a valid token, 403 for a wrong role. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly adminTokenHash: string | null;

  constructor(
    private readonly reflector: Reflector,
    private readonly readModels: ReadModels,
    @Inject(APP_CONFIG) config: AppConfig,
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
    if (!principal) throw unauthorized('the bearer token is not valid');
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw forbidden(`this needs the role ${roles.join(' or ')}; you are ${principal.role}`);
    }
    return true;
  }

  private async principalFor(token: string): Promise<Principal | null> {
    const hash = hashToken(token);
    if (this.adminTokenHash && sameHash(hash, this.adminTokenHash)) return BOOTSTRAP_ADMIN;
    let row = principalByTokenHash(this.readModels.db, hash);
    if (!row) {
      // A principal created a moment ago may not be projected yet.
      await this.readModels.runner.catchUp();
      row = principalByTokenHash(this.readModels.db, hash);
    }
    if (!row || !isRole(row.role)) return null;
    return { id: row.id, name: row.name, role: row.role, units: row.units };
  }
}
