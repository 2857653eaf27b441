// Test-only: Emmett-style specs for deciders — given(events).when(command).then(events) / .thenThrows(rule).
import type { DomainEvent } from '../events/event-catalog';
import { RuleCode, RuleViolation } from '../rules/rule-violation';

import type { Decider } from '../decider';

export type { Decider } from '../decider';

export function specFor<Command, State, Context>(decider: Decider<Command, State, Context>, defaultContext: Context) {
  return function given(events: readonly DomainEvent[] = []) {
    const state = () => events.reduce(decider.evolve, decider.initialState);
    return {
      when(command: Command, ctx: Partial<Context> = {}) {
        const context = { ...defaultContext, ...ctx };
        const run = () => decider.decide(command, state(), context);
        return {
          then(expected: readonly DomainEvent[]): DomainEvent[] {
            const produced = run();
            expect(produced).toEqual(expected);
            // What was decided must also be foldable into the state.
            expect(() => produced.reduce(decider.evolve, state())).not.toThrow();
            return produced;
          },
          thenThrows(rule: RuleCode, message?: RegExp): RuleViolation {
            let caught: unknown;
            try {
              run();
            } catch (error) {
              caught = error;
            }
            expect(caught).toBeInstanceOf(RuleViolation);
            const violation = caught as RuleViolation;
            expect({ rule: violation.rule }).toEqual({ rule });
            if (message) expect(violation.message).toMatch(message);
            return violation;
          },
        };
      },
    };
  };
}
