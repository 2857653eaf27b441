import fc from 'fast-check';
import type { Response } from 'supertest';
import { Actors, auth, openMatterBody, seedActors } from './support/actors';
import { API, AT, MatterApi } from './support/matter-api';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Random and malformed input to every write endpoint: whatever arrives, the answer is
 * never a 5xx, an error is a problem document, and the ledger grows exactly when the
 * answer is 201.
 */
describe('write endpoints under random and malformed input', () => {
  let t: TestApp;
  let a: Actors;
  let m: MatterApi;
  let petitionerId: string;
  let endpoints: { path: string; valid: Record<string, unknown> }[];
  const tokens = () => [a.admin, a.registrar, a.handler, a.leader];

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedActors(t);
    m = new MatterApi(t, a);
    const id = await m.matterAt('accepted', {}, 'FZ');
    petitionerId = await m.petitionerOf(await m.matterAt('registered', {}, 'FZ-ERASE'));
    const matter = `/matters/${id}`;
    endpoints = [
      { path: '/units', valid: { code: 'town-fz', name: '模糊镇', kind: 'town', parent: 'town-a' } },
      { path: '/principals', valid: { name: '经办人 模糊', role: 'handler', units: ['town-a'] } },
      { path: `/petitioners/${petitionerId}/erasure`, valid: { reason: '保存期限届满' } },
      { path: '/matters', valid: openMatterBody({ id: 'FZ-NEW' }) },
      {
        path: `${matter}/contacts`,
        valid: {
          contact: {
            occurredAt: '2022-03-06T09:00:00+08:00',
            channel: 'online',
            level: 'province',
            source: 'provincial_platform',
            headcount: 2,
          },
        },
      },
      { path: `${matter}/assignments`, valid: { unit: 'town-b', mode: 'assign', occurredAt: AT.assigned } },
      { path: `${matter}/acceptance`, valid: { accepted: false, reason: '不予受理', occurredAt: AT.accepted } },
      { path: `${matter}/remit-returns`, valid: { reason: '不属于', occurredAt: '2022-03-03T10:00:00+08:00' } },
      {
        path: `${matter}/actions`,
        valid: { kind: 'site_visit', note: '现场', occurredAt: '2022-03-10T10:00:00+08:00' },
      },
      {
        path: `${matter}/extensions`,
        valid: { days: 30, reason: '复杂', approvedBy: '副市长 张', occurredAt: '2022-04-01T10:00:00+08:00' },
      },
      { path: `${matter}/replies`, valid: { outcome: 'supported', note: '答复', occurredAt: AT.replied } },
      { path: `${matter}/evaluations`, valid: { result: 'satisfied', occurredAt: '2022-04-21T10:00:00+08:00' } },
      { path: `${matter}/reviews`, valid: { stage: 'review', occurredAt: AT.reviewRequested } },
      {
        path: `${matter}/reviews/decisions`,
        valid: { stage: 'review', outcome: 'upheld', note: '维持', occurredAt: AT.reviewDecided },
      },
      { path: `${matter}/resolution`, valid: { note: '化解', occurredAt: '2022-03-10T10:00:00+08:00' } },
      { path: `${matter}/owners`, valid: { leader: '副市长 张', occurredAt: '2022-03-10T10:00:00+08:00' } },
      { path: `${matter}/corrections`, valid: { field: 'subject', value: '新项目', reason: '更正' } },
    ];
  });
  afterAll(() => t.close());

  /** Sends one request and checks the invariants: no 5xx, problem bodies for errors, growth only on 201. */
  async function sendAndCheck(send: () => PromiseLike<Response>): Promise<void> {
    const before = await t.eventCount();
    const res = await send();
    const after = await t.eventCount();
    if (res.status >= 500) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
    if (res.status === 201) {
      expect(after).toBeGreaterThan(before);
    } else {
      expect(after).toBe(before);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toEqual(
        expect.objectContaining({
          type: expect.any(String),
          title: expect.any(String),
          status: res.status,
          detail: expect.any(String),
          errors: expect.any(Array),
        }),
      );
    }
  }

  const postJson = (path: string, token: string, body: unknown) => () =>
    t.http().post(`${API}${path}`).set(auth(token)).set('Content-Type', 'application/json').send(JSON.stringify(body));

  const postRaw = (path: string, token: string, body: string | Buffer) => () =>
    t.http().post(`${API}${path}`).set(auth(token)).set('Content-Type', 'application/json').send(body);

  const endpoint = () => fc.integer({ min: 0, max: 16 }).map((i) => endpoints[i]);
  const token = () => fc.integer({ min: 0, max: 3 }).map((i) => tokens()[i]);

  /** Strings that are not well-formed UTF-16 (lone surrogates), mixed with any code point. */
  const brokenText = fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 40,
  });

  const deeplyNested = fc.integer({ min: 20, max: 3000 }).map((depth) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  });

  /** A value of the wrong type, size or shape for whatever field it lands in. */
  const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    brokenText,
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'x'.repeat(4001),
      '访'.repeat(5000),
      -1,
      0,
      1.5,
      2 ** 53 + 2,
      -0,
      true,
      false,
      null,
      [],
      {},
      [null],
      { '': 1 },
      '2022-03-01T09:30:00',
      '2022-03-01',
      '2022-02-30T10:00:00+08:00',
      '9999-12-31T23:59:59+14:00',
      '2022-03-01T09:30:00+25:00',
      'online',
      'national_platform',
      'town-a',
      'dept-housing',
      're_review',
      '__proto__',
      'constructor',
    ),
    deeplyNested,
  );

  /** Dotted paths of every member of a body, to replace or drop. */
  function pathsOf(value: unknown, prefix: string[] = []): string[][] {
    if (value === null || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
  }

  function withValue(body: unknown, path: readonly string[], value: unknown): unknown {
    const copy = structuredClone(body) as Record<string, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = path[path.length - 1];
    if (value === undefined) delete node[last];
    // defineProperty, so that `__proto__` becomes a member of the JSON rather than the prototype.
    else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  }

  it('random JSON values as bodies', async () => {
    await fc.assert(
      fc.asyncProperty(endpoint(), token(), fc.jsonValue(), async (ep, tok, body) => {
        await sendAndCheck(postJson(ep.path, tok, body));
      }),
      { numRuns: 200 },
    );
  });

  it('a valid body with one member of the wrong type, size or shape, dropped, or added', async () => {
    const mutation = endpoint().chain((ep) =>
      fc.record({
        ep: fc.constant(ep),
        path: fc.oneof(
          fc.constantFrom(...pathsOf(ep.valid)),
          fc.constantFrom<string[]>(['extra'], ['__proto__'], ['constructor'], ['contact', 'extra']),
        ),
        value: fc.oneof({ weight: 5, arbitrary: wrongValue }, { weight: 1, arbitrary: fc.constant(undefined) }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, token(), async ({ ep, path, value }, tok) => {
        const body = path[0] === 'contact' && !('contact' in ep.valid) ? ep.valid : withValue(ep.valid, path, value);
        await sendAndCheck(postJson(ep.path, tok, body));
      }),
      { numRuns: 300 },
    );
  });

  it('huge strings, deep nesting, broken UTF-16 and numbers JSON cannot carry, written as raw JSON text', async () => {
    const rawBody = fc.oneof(
      fc.constantFrom(
        JSON.stringify({ summary: 'x'.repeat(1_100_000) }),
        JSON.stringify(openMatterBody({ summary: '访'.repeat(300_000) })),
        '{"days": 1e400}',
        '{"days": 12345678901234567890123}',
        '{"headcount": -1e-400}',
        '{"__proto__": {"role": "admin"}, "name": "x", "role": "analyst"}',
        '{"constructor": {"prototype": {"polluted": true}}}',
        '{"a":1,"a":2}',
      ),
      deeplyNested.map((value) => JSON.stringify({ note: value })),
      fc.integer({ min: 1000, max: 200_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
      brokenText.map((text) =>
        JSON.stringify({ note: text, kind: text, reason: text, summary: text, name: text, leader: text }),
      ),
      brokenText.map((text) =>
        JSON.stringify(
          openMatterBody({ id: undefined, subject: text, summary: text || 's', petitioners: [{ name: text }] }),
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(endpoint(), token(), rawBody, async (ep, tok, body) => {
        await sendAndCheck(postRaw(ep.path, tok, body));
      }),
      { numRuns: 150 },
    );
  });

  it('bodies that are not JSON at all, sent as application/json', async () => {
    const notJson = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.constantFrom(
        '{',
        '}',
        '[',
        'undefined',
        'NaN',
        "{'a': 1}",
        '{"a": 1,}',
        '{"a" 1}',
        '\uFEFF{}',
        '\u0000',
        'null',
        '0',
        '"text"',
        'true',
        '[]',
      ),
      // A valid body cut short.
      fc.integer({ min: 1, max: 16 }).chain((i) =>
        fc.nat().map((n) => {
          const text = JSON.stringify(endpoints[i].valid);
          return text.slice(0, n % text.length);
        }),
      ),
      // Invalid UTF-8 byte sequences inside a JSON string.
      fc
        .uint8Array({ minLength: 1, maxLength: 20 })
        .map((bytes) =>
          Buffer.concat([Buffer.from('{"note":"'), Buffer.from(bytes.map((b) => b | 0x80)), Buffer.from('"}')]),
        ),
    );
    await fc.assert(
      fc.asyncProperty(endpoint(), token(), notJson, async (ep, tok, body) => {
        await sendAndCheck(postRaw(ep.path, tok, body));
      }),
      { numRuns: 200 },
    );
  });

  it('random Idempotency-Key, If-Match, Content-Type and charset headers on valid bodies', async () => {
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      maxLength: 140,
    });
    const headers = fc.record(
      {
        'Idempotency-Key': printable,
        'If-Match': fc.oneof(
          printable,
          fc.nat({ max: 20 }).map((n) => `"${n}"`),
        ),
        'Content-Type': fc.constantFrom(
          'application/json; charset=latin1',
          'application/json; charset=utf-16',
          'application/json; charset=utf-8',
          'application/problem+json',
          'application/merge-patch+json',
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(endpoint(), token(), headers, async (ep, tok, extra) => {
        await sendAndCheck(() => {
          const req = t.http().post(`${API}${ep.path}`).set(auth(tok)).set('Content-Type', 'application/json');
          for (const [name, value] of Object.entries(extra)) if (value.trim() !== '') req.set(name, value);
          return req.send(JSON.stringify(ep.valid));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('left the ledger and every reader in good order', async () => {
    for (const path of ['/matters/FZ', '/matters/FZ/timeline', '/matters?limit=500', '/units']) {
      const res = await t.http().get(`${API}${path}`).set(auth(a.auditor));
      expect(res.status).toBe(200);
    }
    const timeline = (await t.http().get(`${API}/matters/FZ/timeline`).set(auth(a.auditor)).expect(200)).body;
    expect(timeline.map((e: { revision: number }) => e.revision)).toEqual(timeline.map((_: unknown, i: number) => i));
  });
});
