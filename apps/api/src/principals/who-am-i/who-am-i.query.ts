import { Query } from '@nestjs/cqrs';
import { Principal } from '@app/security';

/** GET /principals/me: who the bearer token admits, for a client to show the right pages. */
export class WhoAmIQuery extends Query<Principal> {
  constructor(readonly principal: Principal) {
    super();
  }
}
