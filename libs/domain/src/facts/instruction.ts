import type { Decider } from '../decider';
import { refuse } from '../matter/command-checks';
import type { RecordInstruction } from './fact-commands';
import { FactContext, recordInstruction } from './record-facts';
import type { RegisteredState } from './registry-deciders';

/**
 * 批示: `instruction-<id>` holds exactly one InstructionRecorded. An instruction is
 * never edited by a second record under the same id; a wrong one is recorded anew.
 */
export const instructionDecider: Decider<RecordInstruction, RegisteredState, FactContext> = {
  initialState: { registered: false },
  evolve: () => ({ registered: true }),
  decide(command, state, ctx) {
    if (state.registered) refuse('already-recorded', 'this instruction is already recorded');
    return [recordInstruction(command, ctx)];
  },
};
