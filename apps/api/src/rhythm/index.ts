import { BulletinsController } from './bulletins/bulletins.controller';
import { GetBulletinHandler } from './bulletins/get-bulletin/get-bulletin.handler';
import { DossiersController } from './dossiers/dossiers.controller';
import { GetDossierHandler } from './dossiers/get-dossier/get-dossier.handler';
import { GetAgendaHandler } from './judgments/get-agenda/get-agenda.handler';
import { JudgmentsController } from './judgments/judgments.controller';
import { PeriodReports } from './publications/period-reports';
import { PublishPeriodHandler } from './publications/publish-period/publish-period.handler';
import { ReadPublishedHandler } from './publications/read-published/read-published.handler';
import { AdoptRankingRuleHandler } from './ranking-rules/adopt-ranking-rule/adopt-ranking-rule.handler';
import { ListRankingRulesHandler } from './ranking-rules/list-ranking-rules/list-ranking-rules.handler';
import { RankingRulesController } from './ranking-rules/ranking-rules.controller';
import { ExplainRankingHandler } from './rankings/explain-ranking/explain-ranking.handler';
import { GetRankingHandler } from './rankings/get-ranking/get-ranking.handler';
import { RankingsController } from './rankings/rankings.controller';
import { ReportPoints } from './report-point';

/**
 * The bureau's rhythm, one controller per resource: 周研判 judgments, 半月通报 bulletins,
 * 月排名 rankings, 排名规则 ranking rules, 问责卷宗 dossiers.
 */
export const RHYTHM_CONTROLLERS = [
  JudgmentsController,
  BulletinsController,
  RankingsController,
  RankingRulesController,
  DossiersController,
];

/** The rhythm's command and query handlers, with the two services they share, for the app module to provide. */
export const RHYTHM_HANDLERS = [
  ReportPoints,
  PeriodReports,
  GetAgendaHandler,
  GetBulletinHandler,
  GetRankingHandler,
  ExplainRankingHandler,
  PublishPeriodHandler,
  ReadPublishedHandler,
  AdoptRankingRuleHandler,
  ListRankingRulesHandler,
  GetDossierHandler,
];
