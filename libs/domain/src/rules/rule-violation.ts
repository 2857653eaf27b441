/**
 * `input`: the command is malformed whatever the matter's state (HTTP 400).
 * `rule`: the command is well-formed but the matter's state or the law does not allow it (HTTP 422).
 * `conflict`: the command was already carried out, and repeating it changes nothing (HTTP 409).
 */
export type RuleKind = 'rule' | 'input' | 'conflict';

/** Every refusal the domain can give, with its kind and a short title for problem documents. */
export const RULES = {
  // input
  'occurred-at-invalid': { kind: 'input', title: 'occurredAt must be an ISO-8601 instant with an offset' },
  'value-required': { kind: 'input', title: 'A required value is missing' },
  'value-invalid': { kind: 'input', title: 'A value is not allowed' },
  'source-required-for-online': { kind: 'input', title: 'An online contact needs its platform source' },
  'source-only-for-online': { kind: 'input', title: 'Only an online contact has a platform source' },
  'headcount-invalid': { kind: 'input', title: 'Headcount must be a whole number of at least 1' },
  'extension-days-invalid': { kind: 'input', title: 'An extension is a whole number of days, at least 1' },
  // rule: existence
  'not-opened': { kind: 'rule', title: 'The matter (or campaign) has not been opened' },
  'already-opened': { kind: 'rule', title: 'The matter (or campaign) is already open' },
  // rule: time
  'occurred-in-future': { kind: 'rule', title: 'A fact cannot occur in the future' },
  'occurred-before-previous-fact': { kind: 'rule', title: 'A fact cannot occur before the fact it follows' },
  // rule: transfer and acceptance
  'already-assigned': { kind: 'rule', title: 'The matter is already with a unit' },
  'not-assigned': { kind: 'rule', title: 'The matter is not with any unit' },
  'acceptance-already-decided': { kind: 'rule', title: 'Acceptance has already been decided' },
  'remit-return-window-closed': {
    kind: 'rule',
    title: 'The 5 working days to return a matter as outside the remit have passed',
  },
  // rule: handling and reply
  'reply-before-acceptance': { kind: 'rule', title: 'A reply needs an accepted matter' },
  'matter-not-accepted': { kind: 'rule', title: 'The matter was not accepted' },
  'already-replied': { kind: 'rule', title: 'The matter has already been replied to' },
  'extension-not-pending': { kind: 'rule', title: 'An extension needs a reply that is still pending' },
  'extension-already-granted': { kind: 'rule', title: 'The reply period can be extended only once' },
  'extension-too-long': { kind: 'rule', title: 'An extension is at most 30 days' },
  'extension-after-deadline': { kind: 'rule', title: 'An extension must be granted before the reply period ends' },
  'evaluation-before-reply': { kind: 'rule', title: 'An evaluation needs a reply or decision to evaluate' },
  'already-evaluated': { kind: 'rule', title: 'This reply or decision has already been evaluated' },
  // rule: review
  'review-before-reply': { kind: 'rule', title: 'A review needs a reply' },
  're-review-before-review-decision': { kind: 'rule', title: 'A re-review needs a review decision' },
  'review-already-requested': { kind: 'rule', title: 'This review stage has already been requested' },
  'review-window-closed': { kind: 'rule', title: 'The 30 days to ask for review have passed' },
  'review-decision-without-request': {
    kind: 'rule',
    title: 'A review decision needs a pending request of the same stage',
  },
  'matter-final': { kind: 'rule', title: 'The re-review decision made the matter final' },
  // rule: resolution, ownership, corrections
  'already-resolved': { kind: 'rule', title: 'The matter is already resolved' },
  'owner-unchanged': { kind: 'rule', title: 'The leader already owns the matter' },
  'correction-unchanged': { kind: 'rule', title: 'The correction does not change anything' },
  // rule: registry (the writer answers an existing stream with 409 before these are reached)
  'already-registered': { kind: 'rule', title: 'The unit is already registered' },
  'already-erased': { kind: 'conflict', title: 'Already erased' },
  // rule: principals and their tokens
  'principal-revoked': { kind: 'rule', title: "The principal's access was revoked" },
  'not-a-handler': { kind: 'rule', title: 'Only a handler is scoped to units' },
  // rule: campaigns
  'case-already-added': { kind: 'rule', title: 'The matter is already in the campaign' },
  // rule: upper-level assignments
  'already-upper-assigned': { kind: 'rule', title: 'The matter is already recorded as assigned from above' },
  'due-before-assignment': { kind: 'rule', title: "The assigner's due date cannot be before the assignment" },
  // rule: one-fact streams (instructions, receptions, screenings, meetings, ...)
  'already-recorded': { kind: 'rule', title: 'The fact is already recorded' },
  // rule: ranking rules and publications
  'rule-version-not-next': { kind: 'rule', title: 'A ranking rule version must follow the previous one' },
  'period-not-ended': { kind: 'rule', title: 'A period can be published only after it has ended' },
  // (the writer answers an existing publication with 409 before this is reached)
  'already-published': { kind: 'conflict', title: 'The period is already published' },
} as const satisfies Record<string, { kind: RuleKind; title: string }>;

export type RuleCode = keyof typeof RULES;

/**
 * A refused command. Thrown by deciders and mapped to a problem document in
 * one place by the API; `rule` is the stable code clients can rely on.
 */
export class RuleViolation extends Error {
  readonly kind: RuleKind;

  constructor(
    readonly rule: RuleCode,
    message: string,
    /** The command field at fault, for `errors: [{field, message}]`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
    this.kind = RULES[rule].kind;
  }

  get title(): string {
    return RULES[this.rule].title;
  }
}

export function isRuleViolation(error: unknown): error is RuleViolation {
  return error instanceof RuleViolation;
}
