import type { AccountabilityKind, CampaignAssigner, MeetingKind, Role, UnitKind, UpperLevel } from '../code-lists';
import type { CampaignTarget, MeetingDecision } from '../events/activity-events';

/** Commands for the facts outside matter streams (API.md "Units" and "Other facts"). */

export interface RegisterUnit {
  readonly type: 'RegisterUnit';
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parent?: string | null;
}

export interface RegisterPrincipal {
  readonly type: 'RegisterPrincipal';
  readonly principalId: string;
  readonly name: string;
  readonly role: Role;
  readonly units?: readonly string[];
  /** Hash of the bearer token, made outside the domain. */
  readonly tokenHash: string;
  /** An ISO-8601 instant with an offset, later than now; absent: the token does not expire. */
  readonly expiresAt?: string | null;
}

export interface RevokePrincipal {
  readonly type: 'RevokePrincipal';
  readonly principalId: string;
  readonly reason: string;
}

export interface ReplacePrincipalToken {
  readonly type: 'ReplacePrincipalToken';
  readonly principalId: string;
  readonly tokenHash: string;
  readonly expiresAt?: string | null;
}

export interface ChangePrincipalUnits {
  readonly type: 'ChangePrincipalUnits';
  readonly principalId: string;
  readonly units: readonly string[];
}

export type PrincipalCommand = RegisterPrincipal | RevokePrincipal | ReplacePrincipalToken | ChangePrincipalUnits;

export interface ErasePetitioner {
  readonly type: 'ErasePetitioner';
  readonly petitionerId: string;
  readonly reason: string;
}

export interface RecordReception {
  readonly type: 'RecordReception';
  readonly occurredAt?: string;
  readonly leader: string;
  readonly batches: number;
  readonly persons: number;
  readonly resolvedOnSiteBatches: number;
  readonly resolvedOnSitePersons: number;
}

export interface RecordScreening {
  readonly type: 'RecordScreening';
  readonly occurredAt?: string;
  readonly unit: string;
  readonly found: number;
  readonly resolved: number;
}

export interface RecordRiskAssessment {
  readonly type: 'RecordRiskAssessment';
  readonly occurredAt?: string;
  readonly project: string;
  readonly passed: boolean;
}

export interface HoldMeeting {
  readonly type: 'HoldMeeting';
  readonly meetingId: string;
  readonly occurredAt?: string;
  readonly kind: MeetingKind;
  readonly chair: string;
  readonly decisions: readonly MeetingDecision[];
}

export interface RecordAccountabilityAction {
  readonly type: 'RecordAccountabilityAction';
  readonly occurredAt?: string;
  readonly kind: AccountabilityKind;
  readonly unit: string;
  readonly person?: string | null;
  readonly grounds: { readonly ranking?: string; readonly bulletin?: string; readonly matters?: readonly string[] };
}

export interface LaunchCampaign {
  readonly type: 'LaunchCampaign';
  /** When it was launched; defaults to now, may be back-dated. */
  readonly occurredAt?: string;
  readonly campaignId: string;
  readonly name: string;
  readonly targets: readonly CampaignTarget[];
}

export interface AddCampaignCase {
  readonly type: 'AddCampaignCase';
  /** When the higher level assigned it; defaults to now, never before the launch. */
  readonly occurredAt?: string;
  readonly matterId: string;
  readonly assignedBy: CampaignAssigner;
}

export type CampaignCommand = LaunchCampaign | AddCampaignCase;

/** 上三级交办 (`POST /matters/{id}/upper-assignments`). */
export interface RecordUpperAssignment {
  readonly type: 'RecordUpperAssignment';
  readonly matterId: string;
  readonly level: UpperLevel;
  readonly documentRef: string;
  readonly dueBy: string;
  /** When the assignment reached the city; defaults to now. */
  readonly occurredAt?: string;
}

/** 批示 (`POST /instructions`). */
export interface RecordInstruction {
  readonly type: 'RecordInstruction';
  readonly leader: string;
  readonly occurredAt?: string;
  readonly matterId?: string | null;
  readonly subject?: string | null;
  readonly text: string;
}

/** A principal was shown petitioners' personal data in full (`GET /matters/{id}`). */
export interface RecordPersonalDataViewing {
  readonly type: 'RecordPersonalDataViewing';
  readonly matterId: string;
  readonly petitionerIds: readonly string[];
}
