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
  return encode(value, '$');
}

export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

// String concatenation rather than an array of parts: V8 ropes make it the cheaper of
// the two, and this runs once per appended event. `path` is only used in errors.
function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return '"' + value.toString() + '"';
    case 'number':
      return formatNumber(value, path);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += value[i] === undefined ? 'null' : member(value[i], path, i);
        }
        return out + ']';
      }
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = obj[key];
        if (item === undefined) continue;
        out += (first ? '' : ',') + quote(key) + ':' + member(item, path, key);
        first = false;
      }
      return out + '}';
    }
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} has no JSON form`);
  }
}

/**
 * A member of an object or array: its path (only for errors) is spelled out only when it
 * is a container or refused, not for every string and number of every event.
 */
function member(value: unknown, parent: string, key: string | number): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return JSON.stringify(value);
  return encode(value, typeof key === 'number' ? parent + '[' + key + ']' : parent + '.' + key);
}

// Characters JSON.stringify would escape: quote, backslash, controls, lone surrogates.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify of a string, without its cost for the common string that needs no escaping. */
export function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : '"' + text + '"';
}

function formatNumber(n: number, path: string): string {
  if (!Number.isFinite(n)) throw new CanonicalJsonError(`${path}: ${n} is not a JSON number`);
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) {
    throw new CanonicalJsonError(`${path}: integer ${n} is beyond 2^53; pass it as a bigint`);
  }
  if (Object.is(n, -0)) return '0';
  return JSON.stringify(n);
}
