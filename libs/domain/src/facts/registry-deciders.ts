import type { Decider } from '../decider';
import type { DomainEvent } from '../events/event-catalog';
import { refuse } from '../matter/command-checks';
import type { ErasePetitioner, RegisterUnit } from './fact-commands';
import { erasePetitioner, FactContext, registerUnit } from './record-facts';

/** Whether the stream already holds its one registering event. */
export type RegisteredState = { readonly registered: boolean };

const unregistered: RegisteredState = { registered: false };
const evolveRegistered = (_state: RegisteredState, _event: DomainEvent): RegisteredState => ({ registered: true });

/**
 * A unit is registered once: `unit-<code>` holds exactly its UnitRegistered. The writer
 * also refuses an existing stream (409); the decider says the same rule in the domain.
 */
export const unitRegistrationDecider: Decider<RegisterUnit, RegisteredState, FactContext> = {
  initialState: unregistered,
  evolve: evolveRegistered,
  decide(command, state, ctx) {
    if (state.registered) refuse('already-registered', `unit ${command.code} is already registered`, 'code');
    return [registerUnit(command, ctx)];
  },
};

/** A petitioner is erased once: `petitioner-<id>` holds exactly its PetitionerErased. */
export const petitionerErasureDecider: Decider<ErasePetitioner, RegisteredState, FactContext> = {
  initialState: unregistered,
  evolve: evolveRegistered,
  decide(command, state, ctx) {
    if (state.registered) refuse('already-erased', `petitioner ${command.petitionerId} was already erased`);
    return [erasePetitioner(command, ctx)];
  },
};
