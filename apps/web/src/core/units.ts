import type { ApiClient } from './api';

export interface Unit {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly parent: string | null;
}

let cache: Promise<Unit[]> | null = null;

/** The units (GET /units), fetched once per sign-in. */
export function units(api: ApiClient): Promise<Unit[]> {
  cache ??= api.get<Unit[]>('/units').catch((error: unknown) => {
    cache = null;
    throw error;
  });
  return cache;
}

export function forgetUnits(): void {
  cache = null;
}

/** A unit's name by code (the code itself when unknown, e.g. null → the bureau). */
export async function unitNamer(api: ApiClient): Promise<(code: string | null | undefined) => string> {
  const all = await units(api);
  const names = new Map(all.map((u) => [u.code, u.name]));
  return (code) => (code ? (names.get(code) ?? code) : '');
}
