export const ROLES = ['admin', 'registrar', 'handler', 'leader', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  id: string;
  name: string;
  role: Role;
  /** Unit codes a handler acts for; empty for other roles. */
  units: string[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
