import { Query } from '@nestjs/cqrs';
import { Principal } from '@app/security';
import { ListMattersQueryDto } from './list-matters.dto';

export interface MatterListItem {
  id: string;
  revision: number;
  status: string;
  category: string;
  subject: string | null;
  responsibleUnit: string;
  assignedUnit: string | null;
  openedAt: string;
  owner: string | null;
  resolved: boolean;
}

export interface MatterListPage {
  items: MatterListItem[];
  nextCursor: string | null;
}

/** GET /matters: a page of matters by filter; a handler sees only its units' matters. */
export class ListMattersQuery extends Query<MatterListPage> {
  constructor(
    readonly principal: Principal,
    readonly filter: ListMattersQueryDto,
  ) {
    super();
  }
}
