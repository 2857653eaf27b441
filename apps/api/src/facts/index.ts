import { AddCampaignCaseHandler } from './add-campaign-case/add-campaign-case.handler';
import { FactStream } from './fact-stream';
import { HoldMeetingHandler } from './hold-meeting/hold-meeting.handler';
import { LaunchCampaignHandler } from './launch-campaign/launch-campaign.handler';
import { MatterDirectory } from './matter-directory';
import { RecordAccountabilityHandler } from './record-accountability/record-accountability.handler';
import { RecordReceptionHandler } from './record-reception/record-reception.handler';
import { RecordRiskAssessmentHandler } from './record-risk-assessment/record-risk-assessment.handler';
import { RecordScreeningHandler } from './record-screening/record-screening.handler';

export { FactsController } from './facts.controller';

/** The facts feature's command handlers, with the services they share, for the app module. */
export const FACT_HANDLERS = [
  FactStream,
  MatterDirectory,
  RecordReceptionHandler,
  RecordScreeningHandler,
  RecordRiskAssessmentHandler,
  LaunchCampaignHandler,
  AddCampaignCaseHandler,
  HoldMeetingHandler,
  RecordAccountabilityHandler,
];
