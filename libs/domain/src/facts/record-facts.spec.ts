import { domainEvent } from '../events/event-catalog';
import { RuleCode, RuleViolation } from '../rules/rule-violation';
import {
  erasePetitioner,
  holdMeeting,
  recordAccountabilityAction,
  recordReception,
  recordRiskAssessment,
  recordScreening,
  registerPrincipal,
  registerUnit,
} from './record-facts';

const ctx = { now: '2022-06-30T18:00:00+08:00' };

function refusal(run: () => unknown): { rule: RuleCode; field?: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleViolation);
    return { rule: (error as RuleViolation).rule, field: (error as RuleViolation).field };
  }
  throw new Error('expected a refusal');
}

describe('units and principals', () => {
  it('registers a unit, parent optional', () => {
    expect(registerUnit({ type: 'RegisterUnit', code: 'town-a', name: '城关镇', kind: 'town' }, ctx)).toEqual(
      domainEvent('UnitRegistered', ctx.now, { code: 'town-a', name: '城关镇', kind: 'town', parent: null }),
    );
    expect(refusal(() => registerUnit({ type: 'RegisterUnit', code: 'town a', name: 'x', kind: 'town' }, ctx))).toEqual(
      {
        rule: 'value-invalid',
        field: 'code',
      },
    );
    expect(
      refusal(() => registerUnit({ type: 'RegisterUnit', code: 't', name: 'x', kind: 'county' as never }, ctx)).rule,
    ).toBe('value-invalid');
  });

  it('scopes a handler to at least one unit, and only a handler', () => {
    const principal = { type: 'RegisterPrincipal' as const, principalId: 'p1', name: '张', tokenHash: 'abc' };
    expect(registerPrincipal({ ...principal, role: 'handler', units: ['town-a'] }, ctx).data.units).toEqual(['town-a']);
    expect(refusal(() => registerPrincipal({ ...principal, role: 'handler' }, ctx))).toEqual({
      rule: 'value-required',
      field: 'units',
    });
    expect(refusal(() => registerPrincipal({ ...principal, role: 'leader', units: ['town-a'] }, ctx)).rule).toBe(
      'value-invalid',
    );
  });

  it('records a petitioner erasure with its reason', () => {
    expect(erasePetitioner({ type: 'ErasePetitioner', petitionerId: 'P-1', reason: '保存期满' }, ctx)).toEqual(
      domainEvent('PetitionerErased', ctx.now, { petitionerId: 'P-1', reason: '保存期满' }),
    );
  });
});

describe('receptions, screenings and risk assessments', () => {
  const reception = {
    type: 'RecordReception' as const,
    occurredAt: '2022-06-01T09:00:00+08:00',
    leader: '市长',
    batches: 3,
    persons: 7,
    resolvedOnSiteBatches: 2,
    resolvedOnSitePersons: 4,
  };

  it('records a reception day, dated when it happened', () => {
    const { type: _type, occurredAt, ...data } = reception;
    expect(recordReception(reception, ctx)).toEqual(domainEvent('ReceptionRecorded', occurredAt, data));
  });

  it('refuses counts that cannot be', () => {
    expect(refusal(() => recordReception({ ...reception, persons: 2 }, ctx)).field).toBe('persons');
    expect(refusal(() => recordReception({ ...reception, resolvedOnSiteBatches: 4 }, ctx)).field).toBe(
      'resolvedOnSiteBatches',
    );
    expect(refusal(() => recordReception({ ...reception, batches: -1 }, ctx)).field).toBe('batches');
    expect(refusal(() => recordReception({ ...reception, occurredAt: '2022-07-01T09:00:00+08:00' }, ctx)).rule).toBe(
      'occurred-in-future',
    );
  });

  it('records screenings with no more resolved than found', () => {
    expect(recordScreening({ type: 'RecordScreening', unit: 'town-a', found: 5, resolved: 5 }, ctx)).toEqual(
      domainEvent('ScreeningRecorded', ctx.now, { unit: 'town-a', found: 5, resolved: 5 }),
    );
    expect(
      refusal(() => recordScreening({ type: 'RecordScreening', unit: 'town-a', found: 5, resolved: 6 }, ctx)).field,
    ).toBe('resolved');
  });

  it('records risk assessments', () => {
    expect(recordRiskAssessment({ type: 'RecordRiskAssessment', project: '棚改', passed: true }, ctx).data).toEqual({
      project: '棚改',
      passed: true,
    });
    expect(
      refusal(() =>
        recordRiskAssessment({ type: 'RecordRiskAssessment', project: '棚改', passed: 'yes' as never }, ctx),
      ).rule,
    ).toBe('value-required');
  });
});

describe('meetings and accountability', () => {
  it('records a judgment meeting with dated decisions', () => {
    const decisions = [{ matterId: 'M-1', decision: '三日内入户', unit: 'town-a', dueBy: '2022-04-08' }];
    expect(
      holdMeeting(
        {
          type: 'HoldMeeting',
          meetingId: 'W14',
          kind: 'weekly_judgment',
          chair: '书记',
          decisions,
          occurredAt: '2022-04-04T09:00:00+08:00',
        },
        ctx,
      ),
    ).toEqual(
      domainEvent('MeetingHeld', '2022-04-04T09:00:00+08:00', {
        meetingId: 'W14',
        kind: 'weekly_judgment',
        chair: '书记',
        decisions,
      }),
    );
    expect(
      refusal(() =>
        holdMeeting(
          {
            type: 'HoldMeeting',
            meetingId: 'W14',
            kind: 'joint',
            chair: 'x',
            decisions: [{ ...decisions[0], dueBy: '2022-04-31' }],
          },
          ctx,
        ),
      ).field,
    ).toBe('decisions[0].dueBy');
  });

  it('grounds accountability on a publication or matters, never on nothing', () => {
    expect(
      recordAccountabilityAction(
        { type: 'RecordAccountabilityAction', kind: 'summons', unit: 'town-a', grounds: { ranking: '2022-04' } },
        ctx,
      ).data,
    ).toEqual({ kind: 'summons', unit: 'town-a', person: null, grounds: { ranking: '2022-04' } });
    expect(
      refusal(() =>
        recordAccountabilityAction(
          { type: 'RecordAccountabilityAction', kind: 'criticism', unit: 'town-a', grounds: {} },
          ctx,
        ),
      ),
    ).toEqual({ rule: 'value-required', field: 'grounds' });
  });
});
