/**
 * The code lists the UI offers, as API.md names them. They are the server's own
 * (libs/domain/src/code-lists.ts and the reminder formats), copied because the browser
 * bundle does not take the domain library; test/web-code-lists.spec.ts keeps them equal.
 */
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
export const CHANNELS = ['visit', 'online', 'letter', 'phone', 'sms'] as const;
export const LEVELS = ['city', 'prefecture', 'province', 'national'] as const;
export const SOURCES = ['national_platform', 'provincial_platform', 'prefecture_platform', 'city_platform'] as const;
export const UNIT_KINDS = ['town', 'department', 'village', 'other'] as const;
export const REMINDER_FORMATS = ['json', 'wecom', 'dingtalk'] as const;
