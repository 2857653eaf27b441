// The read side: the projection runner, the read models and the queries over them,
// and the reports built from them. Only what apps, tests and other libraries use is
// public; everything else stays inside. Specs and tests take helpers from
// `@app/projections/testing`.

// the runner and the read-model database (one runner, one transaction per batch with the checkpoint)
export { ProjectionRunner } from './projection-runner';
export type { AppliedListener, RunnerOptions } from './projection-runner';
export { openReadModelDb } from './read-model-db';
export type { OpenedReadModels } from './read-model-db';
export { readModelProjections } from './read-model-list';
export { LiveReadModels } from './live-read-models';
export { PositionWaiters } from './position-waiters';
export type { LiveReadModelsOptions } from './live-read-models';

// rebuild (blue/green) and the files of a generation
export { rebuildReadModels, RebuildInProgressError } from './rebuild';
export type { RebuildOptions, RebuildProgress, RebuildResult } from './rebuild';
export { generationOf, realReadModelFile, removeReadModelFile } from './read-model-files';
export { dumpReadModels, firstDifference } from './read-model-dump';
export type { ReadModelDump } from './read-model-dump';

// the read models and their queries
export { listUnits, unitsProjection } from './read-models/units.projection';
export type { UnitRow } from './read-models/units.projection';
export { listPrincipals, principalByTokenHash, principalsProjection } from './read-models/principals.projection';
export type { PrincipalListing, PrincipalRow } from './read-models/principals.projection';
export { findMatter, listMatters, mattersProjection, petitionerExists } from './read-models/matters.projection';
export type { MatterFilter, MatterRow } from './read-models/matters.projection';
export { timelineOf, timelineProjection } from './read-models/timeline.projection';
export type { TimelineEntry } from './read-models/timeline.projection';
export { activityFactsProjection } from './read-models/activity-facts.projection';
export { openDuties, BUREAU_UNIT } from './read-models/reminder-duties';

// the bureau's rhythm: agenda, bulletin, ranking, dossier, as known at a position
export { rhythmProjection } from './rhythm/rhythm.projection';
export { publicationKnownAt, publicationsKnownAt, rulesKnownAt, latestRuleVersion } from './rhythm/rhythm-queries';
export type { PublicationKind, PublicationRow } from './rhythm/rhythm-queries';
export {
  computeAgenda,
  computeBulletin,
  computeDossier,
  computeRanking,
  explainRanking,
} from './rhythm/rhythm-reports';
export type {
  BulletinDocument,
  DossierPublication,
  IndicatorExplanation,
  IndicatorFunnelReading,
  OverdueDuty,
  RankingDocument,
  RankingExplanation,
  ReportPoint,
  UnitDossier,
} from './rhythm/rhythm-reports';

// the printed half-month bulletin: one layout, three formats
export { bulletinCsv } from './bulletin/bulletin-csv';
export { bulletinHtml } from './bulletin/bulletin-html';
export { bulletinXlsx } from './bulletin/bulletin-xlsx';
export { DEFAULT_ISSUING_OFFICE } from './bulletin/bulletin-layout';
export type { BulletinPrintOptions } from './bulletin/bulletin-layout';

// reports: the overview (综合分析) and the work report (工作报告)
export { overviewFigures, overviewReport } from './read-models/overview-figures';
export { buildOverview } from './reports/overview';
export type { ContactCount, OverviewFigures, OverviewReport, OverviewSection } from './reports/overview';
export { CATEGORY_LABELS, overviewText, percent } from './reports/overview-text';
export { workFigures, workReport } from './read-models/work-figures';
export { buildWorkReport, DEFAULT_WORK_REPORT_OPTIONS } from './reports/work-report';
export type { SectionThree, SectionTwo, WorkFigures, WorkReport, WorkReportOptions } from './reports/work-report';
export { sectionThreeText, sectionTwoText } from './reports/work-report-text';
export { workReportDocument, workReportDocx } from './reports/work-report-docx';
