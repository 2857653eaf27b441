import type { DomainEvent } from './events/event-catalog';

/**
 * A stream's rules as three pure parts (Emmett's decider): the state before the first
 * event, how an event changes it, and which events a command produces from it. The one
 * writer folds a stream's history with `evolve` once and hands the state to `decide`.
 */
export interface Decider<Command, State, Context> {
  decide(command: Command, state: State, ctx: Context): DomainEvent[];
  evolve(state: State, event: DomainEvent): State;
  initialState: State;
}
