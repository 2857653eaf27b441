import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { computeAgenda } from '@app/projections';
import { unitScope } from '@app/security';
import { ReadModels } from '../../../read-models/read-models.service';
import { parseReportPeriod, Reported, ReportPoints } from '../../report-point';
import { AgendaAnswer, GetAgendaQuery } from './get-agenda.query';

@QueryHandler(GetAgendaQuery)
export class GetAgendaHandler implements IQueryHandler<GetAgendaQuery, Reported<AgendaAnswer>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly points: ReportPoints,
  ) {}

  async execute({ week: id, principal, asOf }: GetAgendaQuery): Promise<Reported<AgendaAnswer>> {
    const week = parseReportPeriod('week', id);
    const point = await this.points.at(asOf);
    return { point, body: computeAgenda(this.readModels.db, week, point, unitScope(principal)) };
  }
}
