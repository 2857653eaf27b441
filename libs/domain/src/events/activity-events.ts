import type { AccountabilityKind, CampaignAssigner, MeetingKind, UnitKind, UpperLevel } from '../code-lists';
import type { RankingIndicator } from '../rhythm/ranking-rule';
import type { LocalDate } from '../time/local-date';
import type { UnitDigest } from '../reminders/daily-digest';
import type { ReminderFormat } from '../reminders/reminder-messages';

/** 领导接访: a leader's reception day. */
export interface ReceptionRecordedData {
  readonly leader: string;
  readonly batches: number;
  readonly persons: number;
  readonly resolvedOnSiteBatches: number;
  readonly resolvedOnSitePersons: number;
}

/** 矛盾纠纷排查: disputes a unit found and defused. */
export interface ScreeningRecordedData {
  readonly unit: string;
  readonly found: number;
  readonly resolved: number;
}

/** 社会稳定风险评估 of a project. */
export interface RiskAssessmentRecordedData {
  readonly project: string;
  readonly passed: boolean;
}

export interface CampaignTarget {
  readonly by: LocalDate;
  /** Percent of the campaign's cases to be resolved by that date. */
  readonly rate: number;
}

/** 积案化解 campaign; stream `campaign-<id>`. */
export interface CampaignLaunchedData {
  readonly campaignId: string;
  readonly name: string;
  readonly targets: readonly CampaignTarget[];
}

export interface CampaignCaseAddedData {
  readonly campaignId: string;
  readonly matterId: string;
  readonly assignedBy: CampaignAssigner;
}

export interface MeetingDecision {
  readonly matterId: string;
  readonly decision: string;
  readonly unit: string;
  readonly dueBy: LocalDate;
}

/** 研判会 and other meetings; stream `meeting-<id>`. */
export interface MeetingHeldData {
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly chair: string;
  readonly decisions: readonly MeetingDecision[];
}

/** 约谈 / 通报批评, grounded on published rankings, bulletins or matters. */
export interface AccountabilityActionRecordedData {
  readonly kind: AccountabilityKind;
  readonly unit: string;
  readonly person: string | null;
  readonly grounds: {
    readonly ranking?: string;
    readonly bulletin?: string;
    readonly matters?: readonly string[];
  };
}

/** The ledger point a publication was computed from, so anyone can recompute it. */
export interface Checkpoint {
  readonly position: string;
  /** The root of the signed audit checkpoint over the events up to `position` (lowercase hex). */
  readonly rootHash: string;
  /** The audit tree size (number of events) at `position`, when known. */
  readonly size?: number;
}

/** A frozen ranking or bulletin; `content` is the published document, returned byte for byte. */
export interface PublicationData {
  readonly period: string;
  readonly rule: { readonly id: string; readonly version: number } | null;
  readonly checkpoint: Checkpoint;
  readonly content: unknown;
}

export type IndicatorDirection = 'higher_is_better' | 'lower_is_better';

export interface RankingRuleIndicator {
  readonly key: RankingIndicator;
  /** A whole number; 0 shows the indicator without scoring it. */
  readonly weight: number;
  readonly direction: IndicatorDirection;
  /** A unit whose denominator is below this, on any scored indicator, is "too few to rank". */
  readonly minDenominator: number;
}

/** Units are ranked only against units of the same kinds (towns with towns, departments with departments). */
export interface PeerGroup {
  readonly id: string;
  readonly name: string;
  readonly kinds: readonly UnitKind[];
}

/**
 * A version of a ranking rule (排名规则); stream `ranking-rule-<ruleId>`. It is in
 * force for the months that begin after it was adopted (the event's occurredAt,
 * always the server's clock: a rule cannot be back-dated onto a month already seen).
 */
export interface RankingRuleAdoptedData {
  readonly ruleId: string;
  readonly version: number;
  readonly name: string;
  readonly indicators: readonly RankingRuleIndicator[];
  readonly peerGroups: readonly PeerGroup[];
  /** How many of the lowest-ranked units of each group are flagged for accountability. */
  readonly flagBottom: number;
  /** Present from the funnel rule (default version 2) on: indicator-level minimums, funnel-plot flags. */
  readonly funnel?: RankingFunnelSettings;
}

export interface RankingFunnelSettings {
  /** A unit with fewer cases than this over all its scored indicators' denominators is too few to rank. */
  readonly minCases: number;
  /** Flagged = worse than this control limit on the score's funnel plot (95 or 99.8). */
  readonly flagLevel: 95 | 99.8;
}

/**
 * 上三级交办: a matter the centre, the province or the prefecture assigned to the
 * city, with the assigning document and the due date the assigner set (it may
 * differ from the statutory reply limit). Stream `upper-assignment-<matterId>`:
 * one per matter.
 */
export interface UpperAssignmentRecordedData {
  readonly matterId: string;
  readonly level: UpperLevel;
  /** The assigning document's reference, e.g. 豫信交〔2022〕15号. */
  readonly documentRef: string;
  /** The assigner's due date (YYYY-MM-DD, business time zone). */
  readonly dueBy: LocalDate;
}

/** 批示: a leader's written instruction on petition work, on a matter, a subject, or in general. Stream `instruction-<id>`. */
export interface InstructionRecordedData {
  readonly leader: string;
  readonly matterId: string | null;
  /** The same tag as a matter's `subject` (a project, employer or place). */
  readonly subject: string | null;
  readonly text: string;
}

/**
 * Where a unit's daily reminder is posted (`POST /reminder-channels`); stream
 * `reminder_channel-<channelId>`, latest wins. Nothing secret in plaintext: the URL (a
 * robot's key or access token is in its query) and the secret are sealed before they are
 * written, with a key outside the ledger (libs/security SecretBox). Changed in place while
 * no endpoint wrote this event yet (it held the plaintext then).
 */
export interface ReminderChannelConfiguredData {
  readonly channelId: string;
  readonly unit: string;
  readonly format: ReminderFormat;
  /** Scheme, host and path of the URL, without query or credentials: for people to read. */
  readonly endpoint: string;
  /** The full URL, sealed. */
  readonly url: SealedSecretData;
  /** HMAC key of a JSON channel, DingTalk's 加签 secret, sealed; null for WeCom. */
  readonly secret: SealedSecretData | null;
}

/** A secret sealed outside the domain with AES-256-GCM, its associated data the owner's id. */
export interface SealedSecretData {
  readonly alg: 'A256GCM';
  readonly keyId: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

/** 日提醒: one unit's digest for one day, recorded before it is sent; stream `reminder-<unit>-<date>`. */
export interface ReminderDigestRecordedData {
  readonly digest: UnitDigest;
  readonly channels: readonly { readonly channelId: string; readonly format: ReminderFormat }[];
}

/** A channel acknowledged the digest: it is never sent there again. */
export interface ReminderDeliveredData {
  readonly channelId: string;
  readonly attempts: number;
}

/**
 * A signed audit checkpoint, published into the log by the instance that signs
 * (stream `audit-checkpoints`) so that every other instance on the same log can
 * check it against its own tree and the trusted key, and serve it. The event is
 * a leaf of the audit tree like any other: the tree stays "every event of the log".
 */
export interface AuditCheckpointPublishedData {
  readonly size: number;
  /** Ledger position of the last event the checkpoint covers (digits). */
  readonly position: string;
  /** Lowercase hex. */
  readonly rootHash: string;
  readonly signedAt: string;
  /** The C2SP signed note; what a reader checks (size and root are repeated for queries). */
  readonly note: string;
}
