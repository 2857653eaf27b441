import { domainEvent } from '../events/event-catalog';
import { specFor } from '../testing/given-when-then';
import type { RecordUpperAssignment } from './fact-commands';
import { recordInstruction } from './record-facts';
import { upperAssignmentDecider, UpperAssignmentContext } from './upper-assignment';
import { RuleViolation } from '../rules/rule-violation';

const ctx: UpperAssignmentContext = { now: '2022-06-30T18:00:00+08:00', timeZone: 'Asia/Shanghai' };
const given = specFor(upperAssignmentDecider, ctx);

const assign: RecordUpperAssignment = {
  type: 'RecordUpperAssignment',
  matterId: 'M-1',
  level: 'province',
  documentRef: '豫信交〔2022〕15号',
  dueBy: '2022-04-30',
  occurredAt: '2022-04-01T10:00:00+08:00',
};

describe('upper-level assignment (上三级交办)', () => {
  it('given no assignment, when the province assigns the matter, then it is recorded with its document and due date', () => {
    given([])
      .when(assign)
      .then([
        domainEvent('UpperAssignmentRecorded', '2022-04-01T10:00:00+08:00', {
          matterId: 'M-1',
          level: 'province',
          documentRef: '豫信交〔2022〕15号',
          dueBy: '2022-04-30',
        }),
      ]);
  });

  it('given no occurredAt, when recorded, then it arrived now', () => {
    const [event] = given([])
      .when({ ...assign, occurredAt: undefined, dueBy: '2022-07-15' })
      .then([
        domainEvent('UpperAssignmentRecorded', ctx.now, {
          matterId: 'M-1',
          level: 'province',
          documentRef: '豫信交〔2022〕15号',
          dueBy: '2022-07-15',
        }),
      ]);
    expect(event.occurredAt).toBe(ctx.now);
  });

  it('given an assignment, when the matter is assigned again, then it is refused', () => {
    const first = upperAssignmentDecider.decide(assign, null, ctx);
    given(first)
      .when({ ...assign, level: 'central' })
      .thenThrows('already-upper-assigned', /province/);
  });

  it('refuses a level other than the three above, a missing document and a bad due date', () => {
    expect(
      given([])
        .when({ ...assign, level: 'city' as never })
        .thenThrows('value-invalid').field,
    ).toBe('level');
    expect(
      given([])
        .when({ ...assign, documentRef: ' ' })
        .thenThrows('value-required').field,
    ).toBe('documentRef');
    expect(
      given([])
        .when({ ...assign, dueBy: '2022-02-30' })
        .thenThrows('value-invalid').field,
    ).toBe('dueBy');
  });

  it('refuses a due date before the local day the assignment arrived, and an assignment in the future', () => {
    // 00:30 on 1 April in Shanghai is still 31 March in UTC: the local day counts.
    given([])
      .when({ ...assign, occurredAt: '2022-04-01T00:30:00+08:00', dueBy: '2022-04-01' })
      .then([
        domainEvent('UpperAssignmentRecorded', '2022-04-01T00:30:00+08:00', {
          matterId: 'M-1',
          level: 'province',
          documentRef: '豫信交〔2022〕15号',
          dueBy: '2022-04-01',
        }),
      ]);
    given([])
      .when({ ...assign, dueBy: '2022-03-31' })
      .thenThrows('due-before-assignment');
    given([])
      .when({ ...assign, occurredAt: '2022-07-01T09:00:00+08:00', dueBy: '2022-08-01' })
      .thenThrows('occurred-in-future');
  });
});

describe('leader instructions (批示)', () => {
  const base = { type: 'RecordInstruction' as const, leader: '市委书记', text: '抓紧化解，按期报结果' };

  it('records an instruction on a matter, on a subject, or in general', () => {
    expect(recordInstruction({ ...base, matterId: 'M-1', occurredAt: '2022-03-02T08:00:00+08:00' }, ctx)).toEqual(
      domainEvent('InstructionRecorded', '2022-03-02T08:00:00+08:00', {
        leader: '市委书记',
        matterId: 'M-1',
        subject: null,
        text: '抓紧化解，按期报结果',
      }),
    );
    expect(recordInstruction({ ...base, subject: '紫悦华府' }, ctx).data).toEqual({
      leader: '市委书记',
      matterId: null,
      subject: '紫悦华府',
      text: '抓紧化解，按期报结果',
    });
    expect(recordInstruction(base, ctx).occurredAt).toBe(ctx.now);
  });

  it('refuses an instruction without a leader or text, with a malformed matter id, or in the future', () => {
    const field = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        expect(e).toBeInstanceOf(RuleViolation);
        return (e as RuleViolation).field ?? (e as RuleViolation).rule;
      }
      throw new Error('expected a refusal');
    };
    expect(field(() => recordInstruction({ ...base, leader: '' }, ctx))).toBe('leader');
    expect(field(() => recordInstruction({ ...base, text: '  ' }, ctx))).toBe('text');
    expect(field(() => recordInstruction({ ...base, matterId: 'M 1' }, ctx))).toBe('matterId');
    expect(field(() => recordInstruction({ ...base, occurredAt: '2022-07-01T00:00:00+08:00' }, ctx))).toBe(
      'occurredAt',
    );
  });
});
