import { Query } from '@nestjs/cqrs';
import { UnitRow } from '@app/projections';

/** GET /units: every registered unit. */
export class ListUnitsQuery extends Query<UnitRow[]> {}
