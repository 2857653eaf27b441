// The public face of the pure domain: no framework, no I/O, no clock reads.

export { err, ok, unwrap } from './result';
export type { Result } from './result';

// time
export {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dateParts,
  datesBetween,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  formatDate,
  fromDayNumber,
  isAfter,
  isBefore,
  isLeapYear,
  isLocalDate,
  isWeekend,
  lastDayOfMonth,
  maxDate,
  minDate,
  parseLocalDate,
  toDayNumber,
  yearOf,
} from './time/local-date';
export type { DateParts, IsoWeekday, LocalDate, LocalDateError } from './time/local-date';
export {
  compareInstants,
  DEFAULT_TIME_ZONE,
  instantOf,
  InvalidInstantError,
  isValidTimeZone,
  localDateOf,
  parseInstant,
} from './time/time-zone';
export type { Instant, InstantError } from './time/time-zone';

// calendar and statutory clock
export {
  addWorkingDays,
  CalendarDataError,
  createWorkingCalendar,
  nextWorkingDayOnOrAfter,
} from './calendar/working-calendar';
export type { CalendarData, CalendarResult, DayInfo, DayKind, WorkingCalendar } from './calendar/working-calendar';
export { calendarCoverage, NEXT_YEAR_DUE_FROM } from './calendar/calendar-coverage';
export type { CalendarCoverage } from './calendar/calendar-coverage';
export { isInTime, isPast, lastDayAfterInstant, lastDayOf } from './clock/statutory-clock';
export type { ClockSettings, LastDay, LastDayOptions } from './clock/statutory-clock';
export { MAX_REPLY_EXTENSION_DAYS, STATUTORY_LIMITS } from './clock/statutory-limits';
export type { LimitKind, LimitUnit, StatutoryLimit, StatutoryStep } from './clock/statutory-limits';

// periods and indicators
export {
  formatPeriod,
  halfMonthOf,
  monthOf,
  parseHalfMonth,
  parseMonth,
  parsePeriod,
  parseWeek,
  parseYear,
  periodContains,
  previousPeriod,
  rangePeriod,
  sameDatesOneYearEarlier,
  weekOf,
  yearPeriodOf,
} from './periods/periods';
export type { DateRange, Period, PeriodError, PeriodKind } from './periods/periods';
export { change, rate, shares, sharesByKey, wilson95 } from './indicators/indicators';
export type { Change, Interval, Trend } from './indicators/indicators';

// code lists and rules
export {
  ACCOUNTABILITY_KINDS,
  ASSIGNMENT_MODES,
  CAMPAIGN_ASSIGNERS,
  CATEGORIES,
  CHANNELS,
  CORRECTABLE_FIELDS,
  EVALUATION_RESULTS,
  LEVELS,
  MEETING_KINDS,
  REPLY_OUTCOMES,
  REVIEW_STAGES,
  SOURCES,
  UNIT_KINDS,
  UPPER_LEVELS,
} from './code-lists';
export type {
  AccountabilityKind,
  AssignmentMode,
  CampaignAssigner,
  Category,
  Channel,
  CorrectableField,
  EvaluationResult,
  Level,
  MeetingKind,
  ReplyOutcome,
  ReviewStage,
  Role,
  Source,
  UnitKind,
  UpperLevel,
} from './code-lists';
export { isRuleViolation, RULES, RuleViolation } from './rules/rule-violation';
export type { RuleCode, RuleKind } from './rules/rule-violation';

// events
export { CURRENT_VERSION, domainEvent, EVENT_TYPES, isEventType } from './events/event-catalog';
export type { DomainEvent, DomainEventOf, EventDataMap, EventType, StoredEvent } from './events/event-catalog';
export { upcast, UpcastError, upcastEvent, UPCASTERS } from './events/upcasters';
export type { UpcastErrorCode } from './events/upcasters';
export type { ContactRecordedData, SealedPetitioner } from './events/matter-events';
export type {
  AuditCheckpointPublishedData,
  CampaignTarget,
  Checkpoint,
  IndicatorDirection,
  MeetingDecision,
  PublicationData,
  RankingRuleAdoptedData,
} from './events/activity-events';

// the matter decider
export { decideMatter, matterDecider } from './matter/decide-matter';
export { DEFAULT_COLLECTIVE_THRESHOLD } from './matter/decision-context';
export type { DecisionContext } from './matter/decision-context';
export type { ContactInput, MatterCommand, OpenMatter } from './matter/matter-commands';
export { currentAssignment, evolveMatter, foldMatter, initialMatterState } from './matter/matter-state';
export type {
  Assignment,
  ContactSummary,
  Evaluation,
  MatterState,
  MatterStateOrNone,
  MatterStatus,
  ReplyTrack,
  ReviewTrack,
  TransferCycle,
} from './matter/matter-state';
export {
  courseOf,
  deadlines,
  matterMilestones,
  milestoneOutcome,
  milestonesOf,
  overdueSteps,
} from './matter/matter-deadlines';
export type { Deadline, Milestone, MilestoneOutcome } from './matter/matter-deadlines';
export { MAX_TEXT_LENGTH } from './matter/command-checks';
export { erasuresDue, matterEndedOn } from './matter/retention';
export type { ErasureDue, MatterForRetention } from './matter/retention';

// other facts
export type {
  ErasePetitioner,
  PrincipalCommand,
  RecordInstruction,
  RecordUpperAssignment,
} from './facts/fact-commands';
export {
  erasePetitioner,
  factTime,
  holdMeeting,
  recordAccountabilityAction,
  recordInstruction,
  recordReception,
  recordRiskAssessment,
  recordScreening,
  registerPrincipal,
  registerUnit,
} from './facts/record-facts';
export type { FactContext } from './facts/record-facts';
export { petitionerErasureDecider, unitRegistrationDecider } from './facts/registry-deciders';
export { evolvePrincipal, principalDecider, tokenRefusal } from './facts/principal-decider';
export type { PrincipalState, PrincipalStateOrNone } from './facts/principal-decider';
export type { RegisteredState } from './facts/registry-deciders';
export type { Decider } from './decider';
export { parseStreamName, STREAM_KINDS, streams } from './streams';
export type { StreamKind, StreamName } from './streams';
export { assertNotBeforeLaunch, campaignDecider, decideCampaign, evolveCampaign } from './facts/campaign';
export {
  accountabilityDecider,
  meetingDecider,
  personalDataViewingDecider,
  receptionDecider,
  riskAssessmentDecider,
  screeningDecider,
} from './facts/fact-deciders';
export type { CampaignState } from './facts/campaign';
export { decideUpperAssignment, evolveUpperAssignment, upperAssignmentDecider } from './facts/upper-assignment';
export type { UpperAssignmentContext, UpperAssignmentState } from './facts/upper-assignment';
export { instructionDecider } from './facts/instruction';
export {
  checkpointPublicationDecider,
  decideCheckpointPublication,
  evolveCheckpointPublication,
} from './audit/checkpoint-publication';
export type { CheckpointPublicationState, PublishCheckpoint } from './audit/checkpoint-publication';

// the bureau's rhythm: agenda, bulletin, ranking rules and rankings, restatements
export { judgmentAgenda } from './rhythm/agenda';
export type { JudgmentAgenda } from './rhythm/agenda';
export { bulletinRow, bulletinUnitOrder } from './rhythm/bulletin';
export type { BulletinRow } from './rhythm/bulletin';
export { bulletinAppearance, rankingAppearance } from './rhythm/dossier';
export type { RankingAppearance } from './rhythm/dossier';
export type { FunnelPoint } from './rhythm/funnel-ranking';
export { assertPeriodEnded, publicationDecider } from './rhythm/publication';
export type { PublishedKind } from './rhythm/publication';
export { indicatorValue, rankUnits } from './rhythm/ranking';
export type { GroupSummary, IndicatorValue, RankedRow, RuleSummary, TooFewRow } from './rhythm/ranking';
export {
  DEFAULT_RANKING_RULE,
  DEFAULT_RANKING_RULE_V1,
  INDICATOR_DIRECTIONS,
  INDICATOR_INFO,
  MAX_FLAG_BOTTOM,
  MAX_WEIGHT,
  RANKING_INDICATORS,
  rankingRuleDecider,
  rankingRuleInForceFrom,
  ruleByVersion,
  ruleFromEvent,
  ruleInForce,
} from './rhythm/ranking-rule';
export type { AdoptedRule, RankingIndicator, RankingRule, RuleInForce } from './rhythm/ranking-rule';
export { restatement } from './rhythm/restatement';
export type { Restatement } from './rhythm/restatement';
export { evaluationDay } from './rhythm/rhythm-facts';
export type {
  CampaignFact,
  ContactFact,
  EvaluationFact,
  MatterMilestone,
  MeetingFact,
  OwnedMatterFact,
  UnitAct,
  UnitInfo,
} from './rhythm/rhythm-facts';
export { compareCodePoints, computeFigures, figuresByUnit, milestoneEvidence } from './rhythm/unit-figures';
export type { MilestoneEvidence, PeriodFacts, Ratio, UnitEvidence, UnitFigures } from './rhythm/unit-figures';

// the work report's recognition rules (subjects, topics, judged cases)
export { holidayRange, judgedCaseStanding, topicWindows, WORK_REPORT_TOPICS } from './report/work-report-rules';
export type { JudgedCaseFacts, JudgedCaseStanding, TopicDefinition, TopicWindow } from './report/work-report-rules';

// the daily reminder (日提醒) and its messages
export { dailyDigests, REMINDER_WORKING_DAYS } from './reminders/daily-digest';
export type { OpenDuty, ReminderItem, UnitDigest } from './reminders/daily-digest';
export { digestMarkdown, REMINDER_FORMATS, reminderMessage } from './reminders/reminder-messages';
export type { ReminderFormat } from './reminders/reminder-messages';
export { decideReminder, evolveReminder, reminderDecider, reminderStream } from './reminders/reminder-outbox';
export type {
  MarkReminderDelivered,
  RecordReminderDigest,
  ReminderCommand,
  ReminderState,
} from './reminders/reminder-outbox';
export { configureReminderChannel, reminderChannelDecider } from './reminders/reminder-channel';
export type { ConfigureReminderChannel } from './reminders/reminder-channel';
export { DEFAULT_REMINDER_AT, msUntilReminder, parseReminderAt, reminderDue } from './reminders/reminder-schedule';
