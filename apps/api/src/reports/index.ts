import { GetOverviewHandler } from './get-overview/overview.handler';
import { GetWorkReportHandler } from './get-work-report/work-report.handler';
import { ReportPosition } from './report-position';

export { ReportsController } from './reports.controller';
/** The reports feature's query handlers and what they share, for the app module to provide. */
export const REPORT_HANDLERS = [ReportPosition, GetOverviewHandler, GetWorkReportHandler];
