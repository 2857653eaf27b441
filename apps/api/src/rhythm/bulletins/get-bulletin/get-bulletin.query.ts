import { Query } from '@nestjs/cqrs';
import { Reported } from '../../report-point';

/** The bulletin rendered in the format asked for. */
export interface BulletinFile {
  readonly bytes: Buffer;
  /** Content-Type, with the charset for text formats. */
  readonly type: string;
  /** For CSV and XLSX, sent as an attachment. */
  readonly filename?: string;
}

/** GET /bulletins/{halfMonth}: one row per unit; JSON, CSV, XLSX or printable HTML. */
export class GetBulletinQuery extends Query<Reported<BulletinFile>> {
  constructor(
    readonly halfMonth: string,
    /** The format content negotiation chose (`req.accepts`), false when none is offered. */
    readonly format: string | false,
    readonly asOf?: string,
  ) {
    super();
  }
}
