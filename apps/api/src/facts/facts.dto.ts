// The fact requests' DTOs, each defined in its use-case folder, under one name to import.
export { ReceptionDto } from './record-reception/record-reception.dto';
export { ScreeningDto } from './record-screening/record-screening.dto';
export { RiskAssessmentDto } from './record-risk-assessment/record-risk-assessment.dto';
export { CampaignTargetDto, CampaignDto } from './launch-campaign/launch-campaign.dto';
export { CampaignCaseDto } from './add-campaign-case/add-campaign-case.dto';
export { MeetingDecisionDto, MeetingDto } from './hold-meeting/hold-meeting.dto';
export { GroundsDto, AccountabilityDto } from './record-accountability/record-accountability.dto';
