import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@app/security';
import { WhoAmIQuery } from './who-am-i.query';

/**
 * The guard has already decided who the token admits from the principal's own stream (so a
 * revoked or replaced token never gets here); this answers that decision, and nothing more:
 * never a token or its hash.
 */
@QueryHandler(WhoAmIQuery)
export class WhoAmIHandler implements IQueryHandler<WhoAmIQuery, Principal> {
  execute({ principal }: WhoAmIQuery): Promise<Principal> {
    return Promise.resolve({
      id: principal.id,
      name: principal.name,
      role: principal.role,
      units: [...principal.units],
    });
  }
}
