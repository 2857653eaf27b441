import type { Principal } from './roles';
import { actsForUnit, unitScope } from './unit-scope';

const principal = (role: Principal['role'], units: string[] = []): Principal => ({
  id: `${role}-1`,
  name: role,
  role,
  units,
});

describe('unit scope', () => {
  const handler = principal('handler', ['town-a', 'dept-housing']);

  it('scopes a handler to its own units', () => {
    expect(unitScope(handler)).toEqual(['town-a', 'dept-housing']);
    expect(actsForUnit(handler, 'town-a')).toBe(true);
    expect(actsForUnit(handler, 'town-b')).toBe(false);
  });

  it('lets a handler act when any of the units named is its own, never for no unit', () => {
    expect(actsForUnit(handler, 'town-b', null, 'dept-housing')).toBe(true);
    expect(actsForUnit(handler, null)).toBe(false);
    expect(actsForUnit(handler)).toBe(false);
  });

  it('does not scope the other roles, whatever the unit', () => {
    for (const role of ['admin', 'registrar', 'leader', 'analyst', 'auditor'] as const) {
      expect(unitScope(principal(role))).toBeUndefined();
      expect(actsForUnit(principal(role), 'town-b')).toBe(true);
      expect(actsForUnit(principal(role), null)).toBe(true);
    }
  });
});
