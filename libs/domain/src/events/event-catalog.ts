import type {
  AccountabilityActionRecordedData,
  AuditCheckpointPublishedData,
  CampaignCaseAddedData,
  CampaignLaunchedData,
  InstructionRecordedData,
  MeetingHeldData,
  PublicationData,
  RankingRuleAdoptedData,
  ReminderChannelConfiguredData,
  ReminderDeliveredData,
  ReminderDigestRecordedData,
  ReceptionRecordedData,
  RiskAssessmentRecordedData,
  ScreeningRecordedData,
  UpperAssignmentRecordedData,
} from './activity-events';
import type {
  AcceptanceDecidedData,
  ContactRecordedData,
  CorrectionRecordedData,
  DeadlineExtendedData,
  HandlingActionRecordedData,
  MatterAssignedData,
  MatterOpenedData,
  MatterResolvedData,
  OwnerAssignedData,
  RemitReturnedData,
  ReplyIssuedData,
  ReviewDecidedData,
  ReviewRequestedData,
  SatisfactionEvaluatedData,
} from './matter-events';
import type {
  PersonalDataViewedData,
  PetitionerErasedData,
  PrincipalRegisteredData,
  PrincipalRevokedData,
  PrincipalTokenReplacedData,
  PrincipalUnitsChangedData,
  UnitRegisteredData,
} from './registry-events';

/** Every fact the ledger records, by type name, with the shape of its latest version. */
export interface EventDataMap {
  MatterOpened: MatterOpenedData;
  ContactRecorded: ContactRecordedData;
  MatterAssigned: MatterAssignedData;
  RemitReturned: RemitReturnedData;
  AcceptanceDecided: AcceptanceDecidedData;
  HandlingActionRecorded: HandlingActionRecordedData;
  DeadlineExtended: DeadlineExtendedData;
  ReplyIssued: ReplyIssuedData;
  SatisfactionEvaluated: SatisfactionEvaluatedData;
  ReviewRequested: ReviewRequestedData;
  ReviewDecided: ReviewDecidedData;
  MatterResolved: MatterResolvedData;
  OwnerAssigned: OwnerAssignedData;
  CorrectionRecorded: CorrectionRecordedData;
  UnitRegistered: UnitRegisteredData;
  PrincipalRegistered: PrincipalRegisteredData;
  PrincipalRevoked: PrincipalRevokedData;
  PrincipalTokenReplaced: PrincipalTokenReplacedData;
  PrincipalUnitsChanged: PrincipalUnitsChangedData;
  PetitionerErased: PetitionerErasedData;
  PersonalDataViewed: PersonalDataViewedData;
  ReceptionRecorded: ReceptionRecordedData;
  ScreeningRecorded: ScreeningRecordedData;
  RiskAssessmentRecorded: RiskAssessmentRecordedData;
  CampaignLaunched: CampaignLaunchedData;
  CampaignCaseAdded: CampaignCaseAddedData;
  MeetingHeld: MeetingHeldData;
  AccountabilityActionRecorded: AccountabilityActionRecordedData;
  RankingPublished: PublicationData;
  BulletinPublished: PublicationData;
  RankingRuleAdopted: RankingRuleAdoptedData;
  UpperAssignmentRecorded: UpperAssignmentRecordedData;
  InstructionRecorded: InstructionRecordedData;
  ReminderChannelConfigured: ReminderChannelConfiguredData;
  ReminderDigestRecorded: ReminderDigestRecordedData;
  ReminderDelivered: ReminderDeliveredData;
  AuditCheckpointPublished: AuditCheckpointPublishedData;
}

export type EventType = keyof EventDataMap;

/** The version each type is written at today; older versions are upcast on read. */
export const CURRENT_VERSION = {
  MatterOpened: 1,
  ContactRecorded: 2,
  MatterAssigned: 1,
  RemitReturned: 1,
  AcceptanceDecided: 1,
  HandlingActionRecorded: 1,
  DeadlineExtended: 1,
  ReplyIssued: 1,
  SatisfactionEvaluated: 1,
  ReviewRequested: 1,
  ReviewDecided: 1,
  MatterResolved: 1,
  OwnerAssigned: 1,
  CorrectionRecorded: 1,
  UnitRegistered: 1,
  PrincipalRegistered: 1,
  PrincipalRevoked: 1,
  PrincipalTokenReplaced: 1,
  PrincipalUnitsChanged: 1,
  PetitionerErased: 1,
  PersonalDataViewed: 1,
  ReceptionRecorded: 1,
  ScreeningRecorded: 1,
  RiskAssessmentRecorded: 1,
  CampaignLaunched: 1,
  CampaignCaseAdded: 1,
  MeetingHeld: 1,
  AccountabilityActionRecorded: 1,
  RankingPublished: 1,
  BulletinPublished: 1,
  RankingRuleAdopted: 1,
  UpperAssignmentRecorded: 1,
  InstructionRecorded: 1,
  ReminderChannelConfigured: 1,
  ReminderDigestRecorded: 1,
  ReminderDelivered: 1,
  AuditCheckpointPublished: 1,
} as const satisfies Record<EventType, number>;

export const EVENT_TYPES = Object.keys(CURRENT_VERSION) as EventType[];

export function isEventType(type: unknown): type is EventType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(CURRENT_VERSION, type);
}

/**
 * A fact as the domain sees it. The ledger wraps it in an envelope (event id,
 * stream, revision, recordedAt, actor, …); the domain needs none of that.
 */
export interface DomainEventOf<T extends EventType> {
  readonly type: T;
  readonly version: number;
  /** When it happened in the world: an ISO-8601 instant with an offset, possibly back-dated. */
  readonly occurredAt: string;
  readonly data: EventDataMap[T];
}

export type DomainEvent = { [T in EventType]: DomainEventOf<T> }[EventType];

/** An event as read from storage, of any type and version. */
export interface StoredEvent {
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly data: unknown;
}

/** Creates an event at its current version. */
export function domainEvent<T extends EventType>(type: T, occurredAt: string, data: EventDataMap[T]): DomainEventOf<T> {
  return { type, version: CURRENT_VERSION[type], occurredAt, data };
}
