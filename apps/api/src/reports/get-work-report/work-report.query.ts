import { Query } from '@nestjs/cqrs';
import type { Position } from '@app/ledger';
import type { WorkReport } from '@app/projections';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type WorkReportFormat = 'json' | 'docx';

export type WorkReportAnswer = { readonly position: Position } & (
  | { readonly format: 'json'; readonly report: WorkReport }
  /** The Word file the bureau edits and submits (A4, headings 一–四, a table per section). */
  | { readonly format: 'docx'; readonly file: Buffer; readonly fileName: string }
);

/** GET /reports/work: sections 一–三 of the half-year work report (工作报告) with figures and drafted text. */
export class GetWorkReportQuery extends Query<WorkReportAnswer> {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly asOf: string | undefined,
    readonly format: WorkReportFormat,
  ) {
    super();
  }
}
