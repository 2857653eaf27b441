import type { Principal } from './roles';

/**
 * The one unit-scope rule: a handler acts only for its own units; every other role is
 * not scoped to units (admin, registrar, leader, analyst, auditor see the whole city).
 * Every "only its units" check in the API goes through here.
 */
export function unitScope(principal: Principal): readonly string[] | undefined {
  return principal.role === 'handler' ? principal.units : undefined;
}

/** Whether the principal may act for (or read) something held by any of `units`. */
export function actsForUnit(principal: Principal, ...units: readonly (string | null | undefined)[]): boolean {
  const scope = unitScope(principal);
  return scope === undefined || units.some((unit) => unit != null && scope.includes(unit));
}
