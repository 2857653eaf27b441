import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listUnits, UnitRow } from '@app/projections';
import { ReadModels } from '../../read-models/read-models.service';
import { ListUnitsQuery } from './list-units.query';

@QueryHandler(ListUnitsQuery)
export class ListUnitsHandler implements IQueryHandler<ListUnitsQuery, UnitRow[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute(): Promise<UnitRow[]> {
    return Promise.resolve(listUnits(this.readModels.db));
  }
}
