import { compareCodePoints } from './unit-figures';

/** One figure that differs between a published document and a later computation of the same period. */
export interface Difference {
  /** e.g. `rows[town-a].score`, `rows[town-a].indicators.onTime.numerator`. Absent on a side: the entry is not there. */
  readonly path: string;
  readonly published?: unknown;
  readonly current?: unknown;
}

/**
 * A later computation of a published period that differs from it (back-dated
 * facts, late corrections). It is shown beside the published document, which
 * stays exactly as published: a restatement never replaces it silently.
 */
export interface Restatement {
  readonly differences: number;
  readonly changes: readonly Difference[];
  /** Only the first `limit` changes are listed. */
  readonly truncated: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaves by path; lists of rows are keyed by their `unit`, so a unit that moves is compared with itself. */
function flatten(value: unknown, path: string, out: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.set(path, []);
    const keyed = value.every((v) => isObject(v) && typeof v.unit === 'string');
    value.forEach((v, i) => flatten(v, keyed ? `${path}[${(v as { unit: string }).unit}]` : `${path}[${i}]`, out));
    return;
  }
  if (isObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (keys.length === 0) return void out.set(path, {});
    for (const key of keys.sort(compareCodePoints)) flatten(value[key], path ? `${path}.${key}` : key, out);
    return;
  }
  out.set(path, value);
}

/**
 * A funnel plot's control limits (the group's curves, a unit's limits) follow
 * from figures compared in their own right; listing every point of every curve
 * that moved would bury the changes a reader looks for (a rank, a numerator).
 */
const DERIVED_LIMITS = /\.funnel\..*\blimits\b/;

/**
 * The figures that differ between two documents of the same period. Top-level
 * keys in `ignore` (the position a document was computed at) are left out:
 * they differ by construction.
 */
export function differences(published: unknown, current: unknown, ignore: readonly string[] = ['asOf']): Difference[] {
  const strip = (doc: unknown) =>
    isObject(doc) ? Object.fromEntries(Object.entries(doc).filter(([k]) => !ignore.includes(k))) : doc;
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(strip(published), '', a);
  flatten(strip(current), '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort(compareCodePoints);
  const out: Difference[] = [];
  for (const path of paths) {
    if (DERIVED_LIMITS.test(path)) continue;
    const [p, c] = [a.get(path), b.get(path)];
    if (a.has(path) && b.has(path) && JSON.stringify(p) === JSON.stringify(c)) continue;
    out.push({ path, ...(a.has(path) ? { published: p } : {}), ...(b.has(path) ? { current: c } : {}) });
  }
  return out;
}

/** A restatement, or null when the later computation gives the same figures. */
export function restatement(published: unknown, current: unknown, limit = 200): Restatement | null {
  const all = differences(published, current);
  if (all.length === 0) return null;
  return { differences: all.length, changes: all.slice(0, limit), truncated: all.length > limit };
}
