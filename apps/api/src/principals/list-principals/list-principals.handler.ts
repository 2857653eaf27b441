import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listPrincipals } from '@app/projections';
import { PrincipalUsage } from '@app/security';
import { ReadModels } from '../../read-models/read-models.service';
import { PRINCIPAL_USAGE } from '../principal-usage.provider';
import { ListPrincipalsQuery, PrincipalListItem } from './list-principals.query';

@QueryHandler(ListPrincipalsQuery)
export class ListPrincipalsHandler implements IQueryHandler<ListPrincipalsQuery, PrincipalListItem[]> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(PRINCIPAL_USAGE) private readonly usage: PrincipalUsage,
  ) {}

  execute(): Promise<PrincipalListItem[]> {
    const lastUsed = this.usage.lastUsed();
    return Promise.resolve(
      listPrincipals(this.readModels.db).map((p) => ({ ...p, lastUsed: lastUsed.get(p.id) ?? null })),
    );
  }
}
