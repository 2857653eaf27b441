import { domainEvent } from '../events/event-catalog';
import { specFor } from '../testing/given-when-then';
import { petitionerErasureDecider, unitRegistrationDecider } from './registry-deciders';

const ctx = { now: '2022-04-03T09:30:00+08:00' };

describe('unit registration', () => {
  const given = specFor(unitRegistrationDecider, ctx);
  const command = { type: 'RegisterUnit' as const, code: 'town-a', name: '甲镇', kind: 'town' as const };

  it('given no unit, when registered, then UnitRegistered with no parent', () => {
    given([])
      .when(command)
      .then([domainEvent('UnitRegistered', ctx.now, { code: 'town-a', name: '甲镇', kind: 'town', parent: null })]);
  });

  it('given a registered unit, when registered again, then refused', () => {
    given([domainEvent('UnitRegistered', ctx.now, { code: 'town-a', name: '甲镇', kind: 'town', parent: null })])
      .when(command)
      .thenThrows('already-registered');
  });

  it('given no unit, when the code is malformed, then refused as input', () => {
    given([])
      .when({ ...command, code: 'town a' })
      .thenThrows('value-invalid', /code must match/);
  });
});

describe('petitioner erasure', () => {
  const given = specFor(petitionerErasureDecider, ctx);
  const command = { type: 'ErasePetitioner' as const, petitionerId: 'P1', reason: 'retention ended' };

  it('given nothing erased, when erased, then PetitionerErased with the reason', () => {
    given([])
      .when(command)
      .then([domainEvent('PetitionerErased', ctx.now, { petitionerId: 'P1', reason: 'retention ended' })]);
  });

  it('given an erasure, when erased again, then refused', () => {
    given([domainEvent('PetitionerErased', ctx.now, { petitionerId: 'P1', reason: 'x' })])
      .when(command)
      .thenThrows('already-erased');
  });

  it('given nothing erased, when the reason is blank, then refused as input', () => {
    given([])
      .when({ ...command, reason: ' ' })
      .thenThrows('value-required');
  });
});
