// Test-only builders for matter events and the default decision context.
import { domainEvent } from '../events/event-catalog';
import type { ContactRecordedData, MatterOpenedData } from '../events/matter-events';
import { decideMatter } from '../matter/decide-matter';
import type { DecisionContext } from '../matter/decision-context';
import type { MatterCommand } from '../matter/matter-commands';
import { evolveMatter, initialMatterState, MatterStateOrNone } from '../matter/matter-state';
import { officialCalendar } from './official-calendar';
import { specFor } from './given-when-then';

export const ctx: DecisionContext = {
  now: '2023-06-30T12:00:00+08:00',
  timeZone: 'Asia/Shanghai',
  calendar: officialCalendar,
  rollForward: true,
  collectiveThreshold: 5,
};

export const given = specFor<MatterCommand, MatterStateOrNone, DecisionContext>(
  { decide: decideMatter, evolve: evolveMatter, initialState: initialMatterState },
  ctx,
);

/** `at('2022-03-05')` is 10:00 in Shanghai that day; `at('2022-03-05', '23:59')` another time. */
export const at = (date: string, time = '10:00'): string => `${date}T${time}:00+08:00`;

export const sealed = { keyId: 'k-1', iv: 'aXY=', ciphertext: 'Y2lwaGVy' };

export const openedData: MatterOpenedData = {
  matterId: 'M-1',
  category: 'labour_social_security',
  subject: '紫悦华府',
  responsibleUnit: 'town-a',
  summary: '拖欠工资',
  petitioners: [{ petitionerId: 'P-1', sealed }],
};

export const firstContact: ContactRecordedData = {
  channel: 'visit',
  level: 'city',
  source: null,
  headcount: 1,
  collective: false,
  repeat: false,
};

export const ev = {
  opened: (when: string, contact: Partial<ContactRecordedData> = {}) => [
    domainEvent('MatterOpened', when, openedData),
    domainEvent('ContactRecorded', when, { ...firstContact, ...contact }),
  ],
  contact: (when: string, contact: Partial<ContactRecordedData> = {}) =>
    domainEvent('ContactRecorded', when, { ...firstContact, repeat: true, ...contact }),
  assigned: (when: string, unit = 'town-a', mode: 'transfer' | 'assign' = 'transfer') =>
    domainEvent('MatterAssigned', when, { unit, mode }),
  returned: (when: string, unit = 'town-a') => domainEvent('RemitReturned', when, { unit, reason: '不属本单位职责' }),
  accepted: (when: string, unit = 'town-a') =>
    domainEvent('AcceptanceDecided', when, { unit, accepted: true, reason: null }),
  declined: (when: string, unit = 'town-a') =>
    domainEvent('AcceptanceDecided', when, { unit, accepted: false, reason: '已进入诉讼程序' }),
  action: (when: string, unit = 'town-a') =>
    domainEvent('HandlingActionRecorded', when, { unit, kind: 'visit', note: '走访' }),
  extended: (when: string, days = 30, unit = 'town-a') =>
    domainEvent('DeadlineExtended', when, { unit, days, reason: '情况复杂', approvedBy: '局长' }),
  replied: (when: string, unit = 'town-a') =>
    domainEvent('ReplyIssued', when, { unit, outcome: 'supported', note: '已答复' }),
  evaluated: (when: string, of: 'reply' | 'review' | 're_review' = 'reply') =>
    domainEvent('SatisfactionEvaluated', when, { result: 'satisfied', of }),
  reviewRequested: (when: string, stage: 'review' | 're_review' = 'review') =>
    domainEvent('ReviewRequested', when, { stage }),
  reviewDecided: (when: string, stage: 'review' | 're_review' = 'review') =>
    domainEvent('ReviewDecided', when, { stage, outcome: 'upheld', note: '维持' }),
  resolved: (when: string) => domainEvent('MatterResolved', when, { note: '已化解' }),
  owner: (when: string, leader = 'L-1') => domainEvent('OwnerAssigned', when, { leader }),
};

/**
 * A matter through every step: received 2022-03-01, assigned 03-02, accepted
 * 03-05 (reply due 05-05), replied 04-20 (review window to 05-20).
 */
export const throughReply = [
  ...ev.opened(at('2022-03-01', '09:00')),
  ev.assigned(at('2022-03-02')),
  ev.accepted(at('2022-03-05')),
  ev.replied(at('2022-04-20')),
];

/** …review asked 05-20, decided 06-10 (re-review window: 07-10 is a Sunday, so to 07-11). */
export const throughReviewDecision = [
  ...throughReply,
  ev.reviewRequested(at('2022-05-20')),
  ev.reviewDecided(at('2022-06-10')),
];

export const throughFinal = [
  ...throughReviewDecision,
  ev.reviewRequested(at('2022-07-11'), 're_review'),
  ev.reviewDecided(at('2022-08-01'), 're_review'),
];
