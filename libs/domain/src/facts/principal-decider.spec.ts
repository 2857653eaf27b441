import { domainEvent, DomainEvent } from '../events/event-catalog';
import { specFor } from '../testing/given-when-then';
import { evolvePrincipal, principalDecider, tokenRefusal } from './principal-decider';

const ctx = { now: '2026-12-02T09:30:00+08:00' };
const given = specFor(principalDecider, ctx);
const same = (a: string, b: string) => a === b;

const registered = (over: Record<string, unknown> = {}) =>
  domainEvent('PrincipalRegistered', '2026-11-02T09:00:00+08:00', {
    principalId: 'p-1',
    name: '经办人 李',
    role: 'handler',
    units: ['town-a'],
    tokenHash: 'hash-1',
    ...over,
  });
const revoked = domainEvent('PrincipalRevoked', '2026-11-20T09:00:00+08:00', { principalId: 'p-1', reason: '调离' });

describe('principal registration', () => {
  const command = {
    type: 'RegisterPrincipal' as const,
    principalId: 'p-1',
    name: '经办人 李',
    role: 'handler' as const,
    units: ['town-a', 'town-a'],
    tokenHash: 'hash-1',
  };

  it('given nothing, when registered without expiry, then PrincipalRegistered without an expiresAt field', () => {
    given([])
      .when(command)
      .then([
        domainEvent('PrincipalRegistered', ctx.now, {
          principalId: 'p-1',
          name: '经办人 李',
          role: 'handler',
          units: ['town-a'],
          tokenHash: 'hash-1',
        }),
      ]);
  });

  it('given nothing, when registered with a future expiry, then the expiry is recorded', () => {
    const [event] = given([])
      .when({ ...command, expiresAt: '2027-01-01T00:00:00+08:00' })
      .then([
        domainEvent('PrincipalRegistered', ctx.now, {
          principalId: 'p-1',
          name: '经办人 李',
          role: 'handler',
          units: ['town-a'],
          tokenHash: 'hash-1',
          expiresAt: '2027-01-01T00:00:00+08:00',
        }),
      ]);
    expect(evolvePrincipal(null, event)?.expiresAt).toBe('2027-01-01T00:00:00+08:00');
  });

  it.each([
    ['in the past', '2026-12-01T00:00:00+08:00', /not later than now/],
    ['exactly now', ctx.now, /not later than now/],
    ['without an offset', '2027-01-01T00:00:00', /instant with an offset/],
  ])('given nothing, when the expiry is %s, then refused as input', (_name, expiresAt, message) => {
    given([])
      .when({ ...command, expiresAt })
      .thenThrows('value-invalid', message);
  });

  it('given a registered principal, when registered again, then refused', () => {
    given([registered()]).when(command).thenThrows('already-registered');
  });
});

describe('revocation', () => {
  const command = { type: 'RevokePrincipal' as const, principalId: 'p-1', reason: '调离本单位' };

  it('given a principal, when revoked, then PrincipalRevoked with the reason', () => {
    given([registered()])
      .when(command)
      .then([domainEvent('PrincipalRevoked', ctx.now, { principalId: 'p-1', reason: '调离本单位' })]);
  });

  it('given a principal, when revoked without a reason, then refused as input', () => {
    given([registered()])
      .when({ ...command, reason: ' ' })
      .thenThrows('value-required');
  });

  it('given a revoked principal, when revoked again, then refused: revocation is final', () => {
    given([registered(), revoked]).when(command).thenThrows('principal-revoked');
  });
});

describe('token replacement', () => {
  const command = { type: 'ReplacePrincipalToken' as const, principalId: 'p-1', tokenHash: 'hash-2' };

  it('given a principal, when its token is replaced, then the new hash (and expiry) replaces the old', () => {
    const [event] = given([registered({ expiresAt: '2026-12-31T00:00:00+08:00' })])
      .when({ ...command, expiresAt: '2027-06-30T00:00:00+08:00' })
      .then([
        domainEvent('PrincipalTokenReplaced', ctx.now, {
          principalId: 'p-1',
          tokenHash: 'hash-2',
          expiresAt: '2027-06-30T00:00:00+08:00',
        }),
      ]);
    const state = evolvePrincipal(evolvePrincipal(null, registered()), event);
    expect(state).toMatchObject({ tokenHash: 'hash-2', expiresAt: '2027-06-30T00:00:00+08:00' });
  });

  it('given a principal with an expiry, when replaced without one, then the new token does not expire', () => {
    given([registered({ expiresAt: '2026-12-31T00:00:00+08:00' })])
      .when(command)
      .then([
        domainEvent('PrincipalTokenReplaced', ctx.now, { principalId: 'p-1', tokenHash: 'hash-2', expiresAt: null }),
      ]);
  });

  it('given a revoked principal, when a token is asked for, then refused', () => {
    given([registered(), revoked]).when(command).thenThrows('principal-revoked');
  });
});

describe('units change', () => {
  const command = { type: 'ChangePrincipalUnits' as const, principalId: 'p-1', units: ['town-b', 'dept-housing'] };

  it('given a handler, when moved, then PrincipalUnitsChanged with exactly the new units', () => {
    const [event] = given([registered()])
      .when(command)
      .then([domainEvent('PrincipalUnitsChanged', ctx.now, { principalId: 'p-1', units: ['town-b', 'dept-housing'] })]);
    expect(evolvePrincipal(evolvePrincipal(null, registered()), event)?.units).toEqual(['town-b', 'dept-housing']);
  });

  it.each([
    ['no units', [], 'value-required'],
    ['a unit that is not a code', ['城关镇'], 'value-invalid'],
  ] as const)('given a handler, when given %s, then refused as input', (_name, units, rule) => {
    given([registered()])
      .when({ ...command, units })
      .thenThrows(rule);
  });

  it('given a registrar, when units are set, then refused: only a handler is scoped to units', () => {
    given([registered({ role: 'registrar', units: [] })])
      .when(command)
      .thenThrows('not-a-handler');
  });

  it('given a revoked handler, when moved, then refused', () => {
    given([registered(), revoked]).when(command).thenThrows('principal-revoked');
  });
});

describe('tokenRefusal: whether a presented token admits its principal now', () => {
  const state = (events: DomainEvent[] = [registered()]) => events.reduce(evolvePrincipal, null);
  const now = ctx.now;

  it('admits the current token of an active principal', () => {
    expect(tokenRefusal(state(), 'hash-1', now, same)).toBeNull();
  });

  it('refuses an unknown principal, a replaced token, a revoked principal and an expired token', () => {
    expect(tokenRefusal(null, 'hash-1', now, same)).toBe('unknown');
    const replaced = domainEvent('PrincipalTokenReplaced', now, {
      principalId: 'p-1',
      tokenHash: 'hash-2',
      expiresAt: null,
    });
    expect(tokenRefusal(state([registered(), replaced]), 'hash-1', now, same)).toBe('replaced');
    expect(tokenRefusal(state([registered(), replaced]), 'hash-2', now, same)).toBeNull();
    expect(tokenRefusal(state([registered(), revoked]), 'hash-1', now, same)).toBe('revoked');
    const expiring = state([registered({ expiresAt: '2026-12-02T09:30:00+08:00' })]);
    expect(tokenRefusal(expiring, 'hash-1', '2026-12-02T09:29:59+08:00', same)).toBeNull();
    expect(tokenRefusal(expiring, 'hash-1', now, same)).toBe('expired');
  });
});
