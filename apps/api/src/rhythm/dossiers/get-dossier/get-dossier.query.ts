import { Query } from '@nestjs/cqrs';
import { UnitDossier } from '@app/projections';
import { Principal } from '@app/security';
import { Reported } from '../../report-point';

/** GET /units/{code}/dossier: a unit's accountability dossier (问责卷宗). */
export class GetDossierQuery extends Query<Reported<UnitDossier>> {
  constructor(
    readonly unit: string,
    readonly principal: Principal,
    readonly asOf?: string,
  ) {
    super();
  }
}
