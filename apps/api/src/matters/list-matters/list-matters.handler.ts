import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listMatters } from '@app/projections';
import { Clock, CLOCK } from '@app/runtime';
import { unitScope } from '@app/security';
import { badRequest } from '../../http/problem';
import { ReadModels } from '../../read-models/read-models.service';
import { ListMattersQuery, MatterListPage } from './list-matters.query';

@QueryHandler(ListMattersQuery)
export class ListMattersHandler implements IQueryHandler<ListMattersQuery, MatterListPage> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ principal, filter: query }: ListMattersQuery): Promise<MatterListPage> {
    const limit = query.limit ? Number(query.limit) : 50;
    if (limit < 1 || limit > 500)
      throw badRequest('limit must be 1 to 500', [{ field: 'limit', message: 'must be 1 to 500' }]);
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const today = this.clock.today();
    const rows = listMatters(this.readModels.db, {
      unit: query.unit,
      units: unitScope(principal),
      status: query.status,
      subject: query.subject,
      from: query.from,
      to: query.to,
      overdueOn: query.overdue === undefined ? undefined : { date: today, overdue: query.overdue === 'true' },
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return Promise.resolve({
      items: page.map(({ state, revision }) => ({
        id: state.matterId,
        revision,
        status: state.status,
        category: state.category,
        subject: state.subject,
        responsibleUnit: state.responsibleUnit,
        assignedUnit: state.assignedUnit,
        openedAt: state.openedAt,
        owner: state.owner,
        resolved: state.resolved,
      })),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].state.matterId) : null,
    });
  }
}

function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw badRequest('cursor is not one this API gave', [{ field: 'cursor', message: 'invalid cursor' }]);
  return id;
}
