import { registerPrincipal, registerUnit } from '@app/domain';
import { hashToken, newToken } from '@app/security';
import { GIVEN, LEADERS, SURNAMES, UNITS } from '../demo-city';
import { iso } from '../demo-time';
import { Random } from '../random';
import { ADMIN, DemoPrincipal, handler, REGISTRAR, SimulationWorld } from './world';

/** The city: its units and the people who sign in, registered two days before the first contact. */
export class City {
  constructor(private readonly w: SimulationWorld) {}

  async register(atMs: number): Promise<void> {
    const now = iso(atMs);
    for (const unit of UNITS) {
      await this.w.fact(`unit-${unit.code}`, ADMIN, () => [
        registerUnit(
          { type: 'RegisterUnit', code: unit.code, name: unit.name, kind: unit.kind, parent: null },
          { now },
        ),
      ]);
    }
    const people: Omit<DemoPrincipal, 'token'>[] = [
      { id: REGISTRAR.id, name: '市信访局登记员 王芳', role: 'registrar', units: [] },
      ...Object.values(LEADERS).map((l) => ({ id: l.id, name: l.name, role: 'leader' as const, units: [] })),
      { id: 'analyst-1', name: '市信访局分析员 孙晓明', role: 'analyst', units: [] },
      { id: 'auditor-1', name: '市委督查室 周敏', role: 'auditor', units: [] },
      ...UNITS.map((u) => ({
        id: handler(u.code).id,
        name: `${u.name}信访专干 ${personName(this.w.people)}`,
        role: 'handler' as const,
        units: [u.code],
      })),
    ];
    for (const person of people) {
      // Tokens are fresh on every run: a demo's well-known seed must not give a well-known login.
      const token = newToken();
      await this.w.fact(`principal-${person.id}`, ADMIN, () => [
        registerPrincipal(
          {
            type: 'RegisterPrincipal',
            principalId: person.id,
            name: person.name,
            role: person.role,
            units: person.units,
            tokenHash: hashToken(token),
          },
          { now },
        ),
      ]);
      this.w.principals.push({ ...person, token });
    }
  }
}

export function personName(r: Random): string {
  return r.pick(SURNAMES) + r.pick(GIVEN);
}
