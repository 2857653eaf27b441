import { Query } from '@nestjs/cqrs';
import { PrincipalListing } from '@app/projections';

export type PrincipalListItem = PrincipalListing & { lastUsed: string | null };

/** GET /principals: everyone who has or had access (admin). */
export class ListPrincipalsQuery extends Query<PrincipalListItem[]> {}
