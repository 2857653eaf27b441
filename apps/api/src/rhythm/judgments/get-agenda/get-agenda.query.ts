import { Query } from '@nestjs/cqrs';
import { JudgmentAgenda } from '@app/domain';
import { Principal } from '@app/security';
import { Reported } from '../../report-point';

export type AgendaAnswer = JudgmentAgenda & { readonly asOf: string };

/** GET /judgments/{week}: the weekly judgment agenda (周研判); a handler sees its own units' items only. */
export class GetAgendaQuery extends Query<Reported<AgendaAnswer>> {
  constructor(
    readonly week: string,
    readonly principal: Principal,
    readonly asOf?: string,
  ) {
    super();
  }
}
