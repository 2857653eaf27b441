import { CommandBus, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { findMatter } from '@app/projections';
import { notFound } from '../../http/problem';
import { ReadModels } from '../../read-models/read-models.service';
import { MatterView, MatterViews } from '../matter-view';
import { RecordPersonalDataViewingCommand } from '../record-personal-data-viewing/record-personal-data-viewing.command';
import { GetMatterQuery } from './get-matter.query';

@QueryHandler(GetMatterQuery)
export class GetMatterHandler implements IQueryHandler<GetMatterQuery, MatterView> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly views: MatterViews,
    private readonly commands: CommandBus,
  ) {}

  /** Reads the read model only; showing personal data in full is a fact, recorded by its own command. */
  async execute({ principal, matterId, correlationId }: GetMatterQuery): Promise<MatterView> {
    const row = findMatter(this.readModels.db, matterId);
    if (!row) throw notFound(`no matter ${matterId}`);
    const { view, shownInFull } = this.views.view(row, principal);
    if (shownInFull.length > 0) {
      // No Idempotency-Key: every reading is its own fact, so no request fingerprint is compared.
      const ctx = { principal, correlationId, fingerprint: '' };
      await this.commands.execute(new RecordPersonalDataViewingCommand(ctx, matterId, shownInFull));
    }
    return view;
  }
}
