import { Query } from '@nestjs/cqrs';
import type { Position } from '@app/ledger';
import type { AuditAnswer } from '../audit-read';

/** GET /audit/events: NDJSON lines of the raw log with each event's audit index and leaf hash, one chunk per read. */
export class ListAuditEventsQuery extends Query<AuditAnswer<AsyncIterable<string>>> {
  constructor(
    readonly minPosition: Position | undefined,
    readonly fromIndex: string | undefined,
    readonly limit: string | undefined,
  ) {
    super();
  }
}
