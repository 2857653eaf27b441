import type { Decider } from '../decider';
import { DomainEvent, domainEvent } from '../events/event-catalog';
import { refuse, requiredText } from '../matter/command-checks';
import type {
  HoldMeeting,
  RecordAccountabilityAction,
  RecordPersonalDataViewing,
  RecordReception,
  RecordRiskAssessment,
  RecordScreening,
} from './fact-commands';
import {
  FactContext,
  holdMeeting,
  recordAccountabilityAction,
  recordReception,
  recordRiskAssessment,
  recordScreening,
} from './record-facts';
import type { RegisteredState } from './registry-deciders';

/**
 * A fact that is its stream's one event (a reception, a screening, a meeting, ...). The
 * writer refuses an existing stream (409) before deciding; the decider says the same
 * rule in the domain, so a fact is never recorded twice on one stream.
 */
function recordedOnce<Command>(
  what: string,
  record: (command: Command, ctx: FactContext) => DomainEvent,
): Decider<Command, RegisteredState, FactContext> {
  return {
    initialState: { registered: false },
    evolve: () => ({ registered: true }),
    decide(command, state, ctx) {
      const event = record(command, ctx);
      if (state.registered) refuse('already-recorded', `the ${what} is already recorded`);
      return [event];
    },
  };
}

export const receptionDecider = recordedOnce<RecordReception>('reception', recordReception);
export const screeningDecider = recordedOnce<RecordScreening>('screening', recordScreening);
export const riskAssessmentDecider = recordedOnce<RecordRiskAssessment>('risk assessment', recordRiskAssessment);
export const accountabilityDecider = recordedOnce<RecordAccountabilityAction>(
  'accountability action',
  recordAccountabilityAction,
);
export const meetingDecider = recordedOnce<HoldMeeting>('meeting', holdMeeting);

/**
 * Principle 4: every reading of personal data is itself recorded. The stream is a log of
 * readings that no decision depends on, so its history is not folded (`null` throughout).
 */
export const personalDataViewingDecider: Decider<RecordPersonalDataViewing, null, FactContext> = {
  initialState: null,
  evolve: () => null,
  decide(command, _state, ctx) {
    const matterId = requiredText(command.matterId, 'matterId');
    if (!Array.isArray(command.petitionerIds) || command.petitionerIds.length === 0) {
      refuse('value-required', 'a reading names the petitioners shown', 'petitionerIds');
    }
    return [domainEvent('PersonalDataViewed', ctx.now, { matterId, petitionerIds: [...command.petitionerIds] })];
  },
};
