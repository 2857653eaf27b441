/**
 * The limits of 信访工作条例 (2022) as data, so that read models, the clock
 * and the documentation all name the same steps.
 */
export type StatutoryStep =
  | 'transfer'
  | 'acceptance'
  | 'reply'
  | 'review_request'
  | 'review_decision'
  | 're_review_request'
  | 're_review_decision'
  | 'remit_return';

export type LimitUnit = 'calendar_days' | 'working_days';

/**
 * `duty`: an office must act by the last day, and is overdue after it.
 * `window`: someone may act until the last day; letting it pass is not a failure.
 */
export type LimitKind = 'duty' | 'window';

export interface StatutoryLimit {
  readonly step: StatutoryStep;
  readonly length: number;
  readonly unit: LimitUnit;
  readonly kind: LimitKind;
  /** The fact that starts the count (its day is not counted). */
  readonly from: string;
  readonly description: string;
}

export const STATUTORY_LIMITS: Readonly<Record<StatutoryStep, StatutoryLimit>> = {
  transfer: {
    step: 'transfer',
    length: 15,
    unit: 'calendar_days',
    kind: 'duty',
    from: 'receipt',
    description: 'the bureau registers and transfers/assigns the matter, or tells the petitioner it will not accept it',
  },
  acceptance: {
    step: 'acceptance',
    length: 15,
    unit: 'calendar_days',
    kind: 'duty',
    from: 'transfer',
    description: 'the unit tells the petitioner whether it accepts the matter',
  },
  reply: {
    step: 'reply',
    length: 60,
    unit: 'calendar_days',
    kind: 'duty',
    from: 'acceptance',
    description: 'the unit replies in writing (办结); one approved extension of at most 30 days',
  },
  review_request: {
    step: 'review_request',
    length: 30,
    unit: 'calendar_days',
    kind: 'window',
    from: 'reply',
    description: 'the petitioner may ask for review (复查)',
  },
  review_decision: {
    step: 'review_decision',
    length: 30,
    unit: 'calendar_days',
    kind: 'duty',
    from: 'review request',
    description: 'the review decision is given',
  },
  re_review_request: {
    step: 're_review_request',
    length: 30,
    unit: 'calendar_days',
    kind: 'window',
    from: 'review decision',
    description: 'the petitioner may ask for re-review (复核)',
  },
  re_review_decision: {
    step: 're_review_decision',
    length: 30,
    unit: 'calendar_days',
    kind: 'duty',
    from: 're-review request',
    description: 'the re-review decision is given; the matter is then final',
  },
  remit_return: {
    step: 'remit_return',
    length: 5,
    unit: 'working_days',
    kind: 'window',
    from: 'transfer',
    description: 'the unit may return the matter as outside its remit (异议)',
  },
};

export const MAX_REPLY_EXTENSION_DAYS = 30;
