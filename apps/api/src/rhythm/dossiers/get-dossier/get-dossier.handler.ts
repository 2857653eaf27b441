import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { computeDossier, UnitDossier } from '@app/projections';
import { notFound } from '../../../http/problem';
import { ReadModels } from '../../../read-models/read-models.service';
import { Reported, ReportPoints } from '../../report-point';
import { assertMayReadUnit } from '../../unit-access';
import { GetDossierQuery } from './get-dossier.query';

@QueryHandler(GetDossierQuery)
export class GetDossierHandler implements IQueryHandler<GetDossierQuery, Reported<UnitDossier>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly points: ReportPoints,
  ) {}

  async execute({ unit, principal, asOf }: GetDossierQuery): Promise<Reported<UnitDossier>> {
    const point = await this.points.at(asOf);
    assertMayReadUnit(principal, unit);
    const dossier = computeDossier(this.readModels.db, unit, point);
    if (!dossier) throw notFound(`no unit ${unit}`);
    return { point, body: dossier };
  }
}
