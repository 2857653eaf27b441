import fc from 'fast-check';
import type { DomainEvent } from '../events/event-catalog';
import { RuleViolation } from '../rules/rule-violation';
import { ctx } from '../testing/matter-fixtures';
import { decideMatter } from './decide-matter';
import type { MatterCommand } from './matter-commands';
import { deadlines } from './matter-deadlines';
import { evolveMatter, MatterStateOrNone } from './matter-state';

const instant = fc.oneof(
  fc
    .integer({ min: 0, max: 400 })
    .map((d) => new Date(Date.UTC(2022, 0, 1) + d * 86_400_000 + (d % 24) * 3_600_000).toISOString()),
  fc.constant(undefined),
  fc.constant('2022-04-03T09:30:00'),
  fc.constant('2030-01-01T00:00:00Z'),
);
const text = fc.constantFrom('说明', '', undefined as unknown as string);
const unit = fc.constantFrom('town-a', 'town-b', '');

const command: fc.Arbitrary<MatterCommand> = fc.oneof(
  fc.record({
    type: fc.constant('OpenMatter' as const),
    matterId: fc.constantFrom('M-1', 'bad id'),
    category: fc.constantFrom('health' as const, 'nonsense' as never),
    responsibleUnit: unit,
    summary: text,
    petitioners: fc.constant([{ petitionerId: 'P-1', sealed: 'x' }]),
    contact: fc.record({
      channel: fc.constantFrom('visit' as const, 'online' as const),
      source: fc.constantFrom(undefined, 'national_platform' as const),
      headcount: fc.constantFrom(undefined, 0, 3, 12),
      occurredAt: instant,
    }),
  }),
  fc.record({
    type: fc.constant('RecordContact' as const),
    contact: fc.record({ channel: fc.constantFrom('visit' as const, 'sms' as const), occurredAt: instant }),
  }),
  fc.record({
    type: fc.constant('AssignMatter' as const),
    unit,
    mode: fc.constantFrom('transfer' as const, 'assign' as const),
    occurredAt: instant,
  }),
  fc.record({
    type: fc.constant('DecideAcceptance' as const),
    accepted: fc.boolean(),
    reason: text,
    occurredAt: instant,
  }),
  fc.record({ type: fc.constant('ReturnOutsideRemit' as const), reason: text, occurredAt: instant }),
  fc.record({ type: fc.constant('RecordHandlingAction' as const), kind: text, note: text, occurredAt: instant }),
  fc.record({
    type: fc.constant('ExtendDeadline' as const),
    days: fc.integer({ min: -1, max: 40 }),
    reason: text,
    approvedBy: text,
    occurredAt: instant,
  }),
  fc.record({
    type: fc.constant('IssueReply' as const),
    outcome: fc.constant('supported' as const),
    note: text,
    occurredAt: instant,
  }),
  fc.record({
    type: fc.constant('EvaluateSatisfaction' as const),
    result: fc.constant('satisfied' as const),
    occurredAt: instant,
  }),
  fc.record({
    type: fc.constant('RequestReview' as const),
    stage: fc.constantFrom('review' as const, 're_review' as const),
    occurredAt: instant,
  }),
  fc.record({
    type: fc.constant('DecideReview' as const),
    stage: fc.constantFrom('review' as const, 're_review' as const),
    outcome: text,
    note: text,
    occurredAt: instant,
  }),
  fc.record({ type: fc.constant('ResolveMatter' as const), note: text, occurredAt: instant }),
  fc.record({ type: fc.constant('AssignOwner' as const), leader: fc.constantFrom('L-1', 'L-2'), occurredAt: instant }),
  fc.record({
    type: fc.constant('CorrectMatter' as const),
    field: fc.constantFrom('category' as const, 'subject' as const),
    value: fc.constantFrom('health', 'other', null),
    reason: text,
  }),
);

describe('the matter decider under arbitrary command sequences', () => {
  it('either appends events or refuses with a RuleViolation, and its invariants hold', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let state: MatterStateOrNone = null;
        const log: DomainEvent[] = [];
        for (const cmd of commands) {
          let events: DomainEvent[] = [];
          try {
            events = decideMatter(cmd, state, ctx);
          } catch (error) {
            expect(error).toBeInstanceOf(RuleViolation);
            continue;
          }
          for (const event of events) state = evolveMatter(state, event);
          log.push(...events);
          if (state) expect(() => deadlines(state!, ctx)).not.toThrow();
        }
        const count = (type: string) => log.filter((e) => e.type === type).length;
        expect(count('MatterOpened')).toBeLessThanOrEqual(1);
        expect(count('DeadlineExtended')).toBeLessThanOrEqual(1);
        expect(count('ReplyIssued')).toBeLessThanOrEqual(1);
        expect(count('MatterResolved')).toBeLessThanOrEqual(1);
        const contacts = log.filter((e) => e.type === 'ContactRecorded');
        contacts.forEach((e, i) => expect(e.type === 'ContactRecorded' && e.data.repeat).toBe(i > 0));
        const finalAt = log.findIndex((e) => e.type === 'ReviewDecided' && e.data.stage === 're_review');
        if (finalAt >= 0) expect(log.slice(finalAt).some((e) => e.type === 'ReviewRequested')).toBe(false);
        for (const e of log) expect(Date.parse(e.occurredAt)).toBeLessThanOrEqual(Date.parse(ctx.now));
      }),
      { numRuns: 300 },
    );
  });
});
