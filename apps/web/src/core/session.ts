/**
 * The signed-in principal. The token lives in sessionStorage only (gone when the tab closes,
 * never in a URL, never in localStorage or a cookie).
 */
export const ROLES = ['admin', 'registrar', 'handler', 'leader', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly units: readonly string[];
}

const TOKEN_KEY = 'petition-ledger.token';

export class Session {
  principal: Principal | null = null;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {}

  token(): string | null {
    return this.storage.getItem(TOKEN_KEY);
  }

  keep(token: string): void {
    this.storage.setItem(TOKEN_KEY, token.trim());
  }

  end(): void {
    this.storage.removeItem(TOKEN_KEY);
    this.principal = null;
  }
}

/** Whether a role may open a page meant for `roles` (admin may do everything, as in the API). */
export function mayOpen(role: Role, roles: readonly Role[]): boolean {
  return role === 'admin' || roles.includes(role);
}
