/** The code lists of API.md, as values (for validation and DTO enums) and as types. */

export const CHANNELS = ['visit', 'online', 'letter', 'phone', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Where a contact was lodged; anything above `city` is a skip-level contact (越级). */
export const LEVELS = ['city', 'prefecture', 'province', 'national'] as const;
export type Level = (typeof LEVELS)[number];

export const SOURCES = ['national_platform', 'provincial_platform', 'prefecture_platform', 'city_platform'] as const;
export type Source = (typeof SOURCES)[number];

export const CATEGORIES = [
  'urban_rural_construction',
  'labour_social_security',
  'agriculture_rural',
  'discipline_inspection',
  'land_resources',
  'civil_affairs',
  'appeals',
  'health',
  'education_sports',
  'public_security',
  'environment',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const UNIT_KINDS = ['town', 'department', 'village', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ASSIGNMENT_MODES = ['transfer', 'assign'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export const REPLY_OUTCOMES = ['supported', 'partially_supported', 'not_supported', 'explained'] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

export const EVALUATION_RESULTS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];

export const REVIEW_STAGES = ['review', 're_review'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const CORRECTABLE_FIELDS = ['category', 'subject', 'responsibleUnit', 'summary'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const ROLES = ['admin', 'registrar', 'handler', 'leader', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const MEETING_KINDS = ['weekly_judgment', 'joint', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ACCOUNTABILITY_KINDS = ['summons', 'criticism', 'other'] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];

export const CAMPAIGN_ASSIGNERS = ['central', 'province', 'prefecture'] as const;
export type CampaignAssigner = (typeof CAMPAIGN_ASSIGNERS)[number];

/** The three levels above the city that assign matters to it (上三级交办). */
export const UPPER_LEVELS = CAMPAIGN_ASSIGNERS;
export type UpperLevel = CampaignAssigner;

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
