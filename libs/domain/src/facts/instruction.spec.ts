import { domainEvent } from '../events/event-catalog';
import { specFor } from '../testing/given-when-then';
import type { RecordInstruction } from './fact-commands';
import { instructionDecider } from './instruction';

const ctx = { now: '2022-06-30T18:00:00+08:00' };
const given = specFor(instructionDecider, ctx);

const instruct: RecordInstruction = {
  type: 'RecordInstruction',
  leader: '市委书记',
  occurredAt: '2022-03-02T08:00:00+08:00',
  subject: '紫悦华府',
  text: '抓紧化解，每周报告进展',
};

describe('a leader instruction (批示)', () => {
  it('given nothing recorded, when a leader instructs on a subject, then the instruction is recorded', () => {
    given([])
      .when(instruct)
      .then([
        domainEvent('InstructionRecorded', '2022-03-02T08:00:00+08:00', {
          leader: '市委书记',
          matterId: null,
          subject: '紫悦华府',
          text: '抓紧化解，每周报告进展',
        }),
      ]);
  });

  it('given the instruction recorded, when it is recorded again under the same id, then it is refused', () => {
    const recorded = instructionDecider.decide(instruct, instructionDecider.initialState, ctx);
    given(recorded).when(instruct).thenThrows('already-recorded');
  });

  it('given nothing, when the text is blank or the time is in the future, then it is refused as bad input', () => {
    given([])
      .when({ ...instruct, text: ' ' })
      .thenThrows('value-required');
    given([])
      .when({ ...instruct, occurredAt: '2022-07-01T08:00:00+08:00' })
      .thenThrows('occurred-in-future');
  });
});
