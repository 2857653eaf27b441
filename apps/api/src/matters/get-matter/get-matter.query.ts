import { Query } from '@nestjs/cqrs';
import { Principal } from '@app/security';
import type { MatterView } from '../matter-view';

/** GET /matters/{id}: the matter as of now, petitioners as far as the caller may see them. */
export class GetMatterQuery extends Query<MatterView> {
  constructor(
    readonly principal: Principal,
    readonly matterId: string,
    /** The request's id: the reading of personal data is recorded under it. */
    readonly correlationId: string | null,
  ) {
    super();
  }
}
