/**
 * Canonical JSON: the byte form that audit hashes are taken over, so it must be
 * identical across runs, machines and Node versions.
 *
 * - object keys sorted by UTF-16 code units (what Array.prototype.sort does; the
 *   same order on every machine), `undefined` members dropped;
 * - no insignificant whitespace;
 * - strings escaped exactly as JSON.stringify does (which is specified by ECMA-262);
 * - numbers in ECMA-262 shortest round-trip form; -0 is written 0;
 * - integers beyond 2^53 cannot be represented exactly as numbers, so they must be
 *   given as bigint and are written as decimal strings; an unsafe integer number is
 *   refused rather than silently rounded.
 */
export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out, '$');
  return out.join('');
}

export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function write(value: unknown, out: string[], path: string): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'bigint':
      out.push(JSON.stringify(value.toString()));
      return;
    case 'number':
      out.push(formatNumber(value, path));
      return;
    case 'object':
      if (Array.isArray(value)) {
        out.push('[');
        value.forEach((item, i) => {
          if (i > 0) out.push(',');
          write(item === undefined ? null : item, out, `${path}[${i}]`);
        });
        out.push(']');
        return;
      }
      if (value instanceof Date) {
        out.push(JSON.stringify(value.toISOString()));
        return;
      }
      writeObject(value as Record<string, unknown>, out, path);
      return;
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} has no JSON form`);
  }
}

function writeObject(obj: Record<string, unknown>, out: string[], path: string): void {
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  out.push('{');
  keys.forEach((key, i) => {
    if (i > 0) out.push(',');
    out.push(JSON.stringify(key), ':');
    write(obj[key], out, `${path}.${key}`);
  });
  out.push('}');
}

function formatNumber(n: number, path: string): string {
  if (!Number.isFinite(n)) throw new CanonicalJsonError(`${path}: ${n} is not a JSON number`);
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) {
    throw new CanonicalJsonError(`${path}: integer ${n} is beyond 2^53; pass it as a bigint`);
  }
  if (Object.is(n, -0)) return '0';
  return JSON.stringify(n);
}
