import { actsForUnit, Principal } from '@app/security';
import { forbidden } from '../http/problem';

/** Rankings and bulletins are open to every role; a handler reads the explanation and dossier of its own units only. */
export function assertMayReadUnit(principal: Principal, unit: string): void {
  if (!actsForUnit(principal, unit)) throw forbidden(`unit ${unit} is not one of your units`);
}
