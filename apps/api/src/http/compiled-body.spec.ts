import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { compiledBodyFor } from './compiled-body';
import { createValidationPipe } from './validation';
import { OpenMatterDto } from '../matters/open-matter/open-matter.dto';

type Constructor = new () => object;

/** Every DTO class of the API (each *.dto.ts under apps/api/src), so that a new one is covered too. */
function dtoClasses(): Constructor[] {
  const root = join(__dirname, '..');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.dto.ts'));
  const classes = new Set<Constructor>();
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(join(root, file)) as Record<string, unknown>;
    for (const value of Object.values(exports))
      if (typeof value === 'function' && rulesOf(value as Constructor).length > 0) classes.add(value as Constructor);
  }
  return [...classes];
}

function rulesOf(cls: Constructor) {
  return getMetadataStorage().getTargetValidationMetadatas(cls, undefined as unknown as string, false, false);
}

/** A small deterministic PRNG, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  'x',
  'town-a',
  'XF-2022-0001',
  'bad code!',
  '2022-03-01T09:30:00+08:00',
  '2022-03-01T09:30:00',
  '2022-03-01',
  '张三丰',
  'a'.repeat(64),
  'a'.repeat(65),
  'a'.repeat(200),
  'a'.repeat(201),
  '13812345678',
  'true',
  '12',
];
const NUMBERS = [0, 1, 12, 1.5, -1, 100000, 100001, Number.MAX_SAFE_INTEGER];

/** Values for one property: the enums its IsIn rules name, and a mix of everything JSON can carry. */
function valueFor(cls: Constructor, property: string, next: () => number, depth: number): unknown {
  const rules = rulesOf(cls).filter((m) => m.propertyName === property);
  const enums = rules.flatMap((m) => m.constraints ?? []).filter((c): c is unknown[] => Array.isArray(c));
  const nestedType = Reflect.getMetadata('design:type', cls.prototype, property) as unknown;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const roll = next();
  if (roll < 0.35 && enums.length > 0) return pick(pick(enums));
  if (roll < 0.5) return pick(STRINGS);
  if (roll < 0.6) return pick(NUMBERS);
  if (roll < 0.65) return pick([true, false, null]);
  if (roll < 0.85 && depth < 3) {
    const nested = nestedClassOf(cls, property);
    if (nested) {
      const one = () => bodyFor(nested, next, depth + 1);
      return nestedType === Array || next() < 0.2 ? Array.from({ length: Math.floor(next() * 3) }, one) : one();
    }
  }
  if (roll < 0.9) return pick([{}, [], ['x'], [1, 2], [{}], { a: 1 }]);
  return undefined;
}

function nestedClassOf(cls: Constructor, property: string): Constructor | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
    defaultMetadataStorage: { findTypeMetadata(t: unknown, p: string): { typeFunction(): Constructor } | undefined };
  };
  return defaultMetadataStorage.findTypeMetadata(cls, property)?.typeFunction();
}

function bodyFor(cls: Constructor, next: () => number, depth = 0): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const properties = [...new Set(rulesOf(cls).map((m) => m.propertyName))];
  for (const property of properties) {
    if (next() < 0.15) continue;
    const value = valueFor(cls, property, next, depth);
    if (value !== undefined) body[property] = value;
  }
  if (next() < 0.05) body[next() < 0.5 ? 'unknown' : '__proto__'] = 'x';
  return body;
}

/** The full pipe, class-transformer and class-validator, as it runs when the compiled check says no. */
async function fullPipe(cls: Constructor, body: unknown): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const pipe = createValidationPipe();
  try {
    const value: unknown = await ValidationPipe.prototype.transform.call(pipe, clone(body), {
      type: 'body',
      metatype: cls,
    });
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

/** Deep equality that also compares each object's prototype (class instances, not look-alikes). */
function sameShape(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return false;
  return ka.every((k) => sameShape((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const NEW_MATTER = {
  category: 'labour_social_security',
  responsibleUnit: 'town-b',
  summary: '反映小区物业拖欠维修基金',
  petitioners: [{ name: '李四' }, { idNumber: '110101199001011234', address: '城关镇某村' }],
  contact: { occurredAt: '2022-04-03T01:30:00Z', channel: 'phone', headcount: 2 },
};

describe('compiled request bodies', () => {
  const classes = dtoClasses();

  it('finds the DTOs and compiles the matter bodies', () => {
    expect(classes).toContain(OpenMatterDto);
    expect(compiledBodyFor(OpenMatterDto)).not.toBeNull();
  });

  it('accepts a body only when class-validator does, and builds what class-transformer builds', async () => {
    const next = random(20261203);
    const acceptedBy = new Map<string, number>();
    for (const cls of classes) {
      const compiled = compiledBodyFor(cls);
      if (!compiled) continue;
      for (let i = 0; i < 300; i++) {
        const body = bodyFor(cls, next);
        const full = await fullPipe(cls, body);
        const copy = clone(body);
        if (!compiled.accepts(copy)) continue;
        acceptedBy.set(cls.name, (acceptedBy.get(cls.name) ?? 0) + 1);
        expect({ cls: cls.name, body, accepted: full.ok }).toEqual({ cls: cls.name, body, accepted: true });
        const built = compiled.build(copy);
        expect(sameShape(built, full.ok ? full.value : undefined)).toBe(true);
        // The body itself is left as it came (the idempotency fingerprint is taken from it).
        expect(copy).toEqual(body);
      }
    }
    // Not vacuous: the check takes valid bodies of most DTOs.
    expect(acceptedBy.size).toBeGreaterThan(classes.length / 2);
  });

  it('agrees with class-validator on a new matter with one or two fields changed', async () => {
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const compiled = compiledBodyFor(OpenMatterDto)!;
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      const body = clone(NEW_MATTER) as Record<string, unknown>;
      for (let changes = 1 + Math.floor(next() * 2); changes > 0; changes--) {
        // A path into the body: a top-level field, or one inside the contact or the first petitioner.
        const holder = pick([body, body.contact, (body.petitioners as unknown[] | undefined)?.[0]]);
        if (typeof holder !== 'object' || holder === null) continue;
        const keys = Object.keys(holder);
        const key = next() < 0.85 ? pick(keys) : pick(['unknown', 'level', 'source', 'address', 'id']);
        (holder as Record<string, unknown>)[key] =
          next() < 0.2 ? undefined : pick([...STRINGS, ...NUMBERS, null, true, {}, [], 'city', 'online', 'web']);
      }
      const copy = JSON.parse(JSON.stringify(body)) as object;
      const full = await fullPipe(OpenMatterDto, copy);
      if (!compiled.accepts(copy)) continue;
      accepted += 1;
      expect({ body: copy, accepted: full.ok }).toEqual({ body: copy, accepted: true });
      expect(sameShape(compiled.build(copy), full.ok && full.value)).toBe(true);
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it('accepts the typical new matter, with the instance class-transformer makes', async () => {
    const body = clone(NEW_MATTER);
    const compiled = compiledBodyFor(OpenMatterDto)!;
    expect(compiled.accepts(body)).toBe(true);
    const full = await fullPipe(OpenMatterDto, body);
    expect(full.ok).toBe(true);
    expect(sameShape(compiled.build(body), full.ok && full.value)).toBe(true);
  });

  it('leaves invalid and unknown input to the full pipe', () => {
    const compiled = compiledBodyFor(OpenMatterDto)!;
    const valid = {
      category: 'labour_social_security',
      responsibleUnit: 'town-a',
      summary: 's',
      contact: { channel: 'visit' },
    };
    expect(compiled.accepts(valid)).toBe(true);
    expect(compiled.accepts({ ...valid, extra: 1 })).toBe(false);
    expect(compiled.accepts({ ...valid, summary: '' })).toBe(false);
    expect(compiled.accepts({ ...valid, contact: { channel: 'visit', headcount: 0 } })).toBe(false);
    expect(compiled.accepts({ ...valid, contact: { channel: 'visit', unknown: 1 } })).toBe(false);
    expect(compiled.accepts({ ...valid, petitioners: [null] })).toBe(false);
    expect(compiled.accepts({ ...valid, petitioners: {} })).toBe(false);
    expect(compiled.accepts(JSON.parse('{"__proto__": {"x": 1}}') as object)).toBe(false);
  });
});

/** As the body parser makes it (structuredClone would make objects of another realm under jest). */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
