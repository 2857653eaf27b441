import { Query } from '@nestjs/cqrs';
import { PublishedKind } from '@app/domain';
import { Reported } from '../../report-point';
import { Published } from '../publication-status';

/** GET /rankings/{month}/published, GET /bulletins/{halfMonth}/published: the frozen bytes. */
export class ReadPublishedQuery extends Query<Reported<Published>> {
  constructor(
    readonly kind: PublishedKind,
    readonly period: string,
    readonly asOf?: string,
  ) {
    super();
  }
}
