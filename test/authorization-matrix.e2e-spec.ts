import { Actors, auth, openMatterBody, seedActors } from './support/actors';
import { AT, expectProblem, MatterApi, Stage } from './support/matter-api';
import { startTestApp, TestApp } from './support/test-app';

/**
 * API.md's table of who may write what, and "every role reads; a handler reads only the
 * matters of its units", as one cell per role and endpoint. Every cell sends a request
 * that is valid for a matter in the right state, so a refusal can only be about who asks;
 * an allowed cell gets a fresh matter and must be 201, a refused one must append nothing.
 */

const ROLES = {
  admin: 'admin',
  registrar: 'registrar',
  handler: 'handler of the assigned unit',
  otherHandler: 'handler of another unit',
  leader: 'leader',
  analyst: 'analyst',
  auditor: 'auditor',
  none: 'no token',
  invalid: 'an invalid token',
  revoked: 'a revoked token',
  replaced: 'a replaced token',
} as const;
type RoleKey = keyof typeof ROLES;
const ROLE_KEYS = Object.keys(ROLES) as RoleKey[];

interface Target {
  path: string;
  body: object;
}

interface WriteEndpoint {
  name: string;
  /** Who gets 201 (admin may do everything). */
  allowed: RoleKey[];
  /** A fresh target on which the write is allowed by the matter's state. */
  target(m: MatterApi, a: Actors): Promise<Target>;
}

const UNAUTHENTICATED: RoleKey[] = ['none', 'invalid', 'revoked', 'replaced'];
const REGISTRAR: RoleKey[] = ['admin', 'registrar'];
const UNIT_HANDLER: RoleKey[] = ['admin', 'handler'];
const LEADER: RoleKey[] = ['admin', 'leader'];
const ADMIN: RoleKey[] = ['admin'];

const on =
  (stage: Stage, suffix: string, body: object) =>
  async (m: MatterApi): Promise<Target> => ({
    path: `/matters/${await m.matterAt(stage)}${suffix}`,
    body,
  });

let unitSerial = 0;

/** A fresh principal (registered by the admin) for a write about principals. */
async function principalFor(m: MatterApi, a: Actors, role = 'analyst'): Promise<string> {
  const body = role === 'handler' ? { name: '经办人 矩阵', role, units: ['town-a'] } : { name: '分析员 矩阵', role };
  const res = await m.post('/principals', a.admin, body);
  if (res.status !== 201) throw new Error(`could not register a principal: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

const WRITES: WriteEndpoint[] = [
  {
    name: 'POST /units',
    allowed: ADMIN,
    target: async () => ({ path: '/units', body: { code: `town-m${++unitSerial}`, name: '新镇', kind: 'town' } }),
  },
  {
    name: 'POST /principals',
    allowed: ADMIN,
    target: async () => ({ path: '/principals', body: { name: '分析员 新', role: 'analyst' } }),
  },
  {
    name: 'POST /principals/{id}/revocation',
    allowed: ADMIN,
    target: async (m, a) => ({
      path: `/principals/${await principalFor(m, a)}/revocation`,
      body: { reason: '调离' },
    }),
  },
  {
    name: 'POST /principals/{id}/tokens',
    allowed: ADMIN,
    target: async (m, a) => ({ path: `/principals/${await principalFor(m, a)}/tokens`, body: {} }),
  },
  {
    name: 'POST /principals/{id}/units',
    allowed: ADMIN,
    target: async (m, a) => ({
      path: `/principals/${await principalFor(m, a, 'handler')}/units`,
      body: { units: ['town-b'] },
    }),
  },
  {
    name: 'POST /petitioners/{id}/erasure',
    allowed: ADMIN,
    target: async (m) => ({
      path: `/petitioners/${await m.petitionerOf(await m.matterAt('registered'))}/erasure`,
      body: { reason: '保存期限届满' },
    }),
  },
  {
    name: 'POST /matters',
    allowed: REGISTRAR,
    target: async (m) => ({ path: '/matters', body: openMatterBody({ id: m.nextId('OPEN') }) }),
  },
  {
    name: 'POST /matters/{id}/contacts',
    allowed: REGISTRAR,
    target: on('registered', '/contacts', { contact: { channel: 'phone', occurredAt: '2022-03-03T09:00:00+08:00' } }),
  },
  {
    name: 'POST /matters/{id}/assignments',
    allowed: REGISTRAR,
    target: on('registered', '/assignments', { unit: 'dept-housing', mode: 'transfer', occurredAt: AT.assigned }),
  },
  {
    name: 'POST /matters/{id}/acceptance',
    allowed: UNIT_HANDLER,
    target: on('assigned', '/acceptance', { accepted: true, occurredAt: AT.accepted }),
  },
  {
    name: 'POST /matters/{id}/remit-returns',
    allowed: UNIT_HANDLER,
    target: on('assigned', '/remit-returns', { reason: '不属于本单位职权', occurredAt: '2022-03-03T10:00:00+08:00' }),
  },
  {
    name: 'POST /matters/{id}/actions',
    allowed: UNIT_HANDLER,
    target: on('accepted', '/actions', {
      kind: 'site_visit',
      note: '现场核实',
      occurredAt: '2022-03-10T10:00:00+08:00',
    }),
  },
  {
    name: 'POST /matters/{id}/extensions',
    allowed: UNIT_HANDLER,
    target: on('accepted', '/extensions', {
      days: 30,
      reason: '案情复杂',
      approvedBy: '副市长 张',
      occurredAt: '2022-04-01T10:00:00+08:00',
    }),
  },
  {
    name: 'POST /matters/{id}/replies',
    allowed: UNIT_HANDLER,
    target: on('accepted', '/replies', { outcome: 'supported', note: '已解决', occurredAt: AT.replied }),
  },
  {
    name: 'POST /matters/{id}/resolution',
    allowed: UNIT_HANDLER,
    target: on('assigned', '/resolution', { note: '息诉罢访', occurredAt: '2022-03-10T10:00:00+08:00' }),
  },
  {
    name: 'POST /matters/{id}/evaluations',
    allowed: REGISTRAR,
    target: on('replied', '/evaluations', { result: 'satisfied', occurredAt: '2022-04-21T10:00:00+08:00' }),
  },
  {
    name: 'POST /matters/{id}/reviews',
    allowed: REGISTRAR,
    target: on('replied', '/reviews', { stage: 'review', occurredAt: AT.reviewRequested }),
  },
  {
    name: 'POST /matters/{id}/reviews/decisions',
    allowed: LEADER,
    target: on('under_review', '/reviews/decisions', {
      stage: 'review',
      outcome: 'upheld',
      note: '维持',
      occurredAt: AT.reviewDecided,
    }),
  },
  {
    name: 'POST /matters/{id}/owners',
    allowed: LEADER,
    target: on('registered', '/owners', { leader: '市委副书记 张' }),
  },
  {
    name: 'POST /matters/{id}/corrections',
    allowed: REGISTRAR,
    target: on('registered', '/corrections', { field: 'summary', value: '更正后的摘要', reason: '笔误' }),
  },
  {
    name: 'POST /matters/{id}/upper-assignments',
    allowed: [...REGISTRAR, 'leader'],
    target: on('registered', '/upper-assignments', {
      level: 'province',
      documentRef: '豫信交〔2022〕15号',
      dueBy: '2022-04-30',
      occurredAt: '2022-03-02T10:00:00+08:00',
    }),
  },
  {
    name: 'POST /instructions',
    allowed: [...REGISTRAR, 'leader'],
    target: async () => ({
      path: '/instructions',
      body: { leader: '市委书记', occurredAt: '2022-03-02T08:00:00+08:00', text: '抓紧化解' },
    }),
  },
];

function expectedWrite(endpoint: WriteEndpoint, role: RoleKey): 201 | 401 | 403 {
  if (UNAUTHENTICATED.includes(role)) return 401;
  return endpoint.allowed.includes(role) ? 201 : 403;
}

/**
 * Reads: every role; a handler only the matters of its units (the matter here is with dept-housing);
 * who has access (GET /principals) only the admin.
 */
const READS: {
  name: string;
  path: (id: string) => string;
  handlerScoped: boolean;
  list?: boolean;
  adminOnly?: boolean;
}[] = [
  { name: 'GET /units', path: () => '/units', handlerScoped: false },
  { name: 'GET /principals', path: () => '/principals', handlerScoped: false, adminOnly: true },
  { name: 'GET /matters', path: () => '/matters', handlerScoped: false, list: true },
  { name: 'GET /matters/{id}', path: (id) => `/matters/${id}`, handlerScoped: true },
  { name: 'GET /matters/{id}/timeline', path: (id) => `/matters/${id}/timeline`, handlerScoped: true },
];

function expectedRead(read: (typeof READS)[number], role: RoleKey): 200 | 401 | 403 {
  if (UNAUTHENTICATED.includes(role)) return 401;
  if (read.adminOnly) return role === 'admin' ? 200 : 403;
  return read.handlerScoped && role === 'otherHandler' ? 403 : 200;
}

describe('authorization matrix', () => {
  let t: TestApp;
  let a: Actors;
  let m: MatterApi;
  let readMatter: string;
  let stale: { revoked: string; replaced: string };
  const shared = new Map<string, Target>();

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedActors(t);
    m = new MatterApi(t, a);
    readMatter = await m.matterAt('accepted');
    // An admin whose access was revoked, and one whose token was replaced: refused everywhere.
    const revoked = await t
      .http()
      .post('/api/v1/principals')
      .set(auth(a.admin))
      .send({ name: '前管理员', role: 'admin' });
    await t
      .http()
      .post(`/api/v1/principals/${revoked.body.id}/revocation`)
      .set(auth(a.admin))
      .send({ reason: '离任' })
      .expect(201);
    const replaced = await t
      .http()
      .post('/api/v1/principals')
      .set(auth(a.admin))
      .send({ name: '管理员 换', role: 'admin' });
    await t.http().post(`/api/v1/principals/${replaced.body.id}/tokens`).set(auth(a.admin)).send({}).expect(201);
    stale = { revoked: revoked.body.token, replaced: replaced.body.token };
  });
  afterAll(() => t.close());

  const token = (role: RoleKey): string | null =>
    role === 'none'
      ? null
      : role === 'invalid'
        ? 'this-token-was-never-issued'
        : role === 'revoked' || role === 'replaced'
          ? stale[role]
          : a[role];

  describe.each(WRITES.map((w) => [w.name, w] as const))('%s', (_name, endpoint) => {
    it.each(ROLE_KEYS.map((role) => [ROLES[role], role, expectedWrite(endpoint, role)] as const))(
      '%s → %i',
      async (_label, role, status) => {
        // A refused cell shares one target per endpoint: it must stay untouched for the next role.
        let target = shared.get(endpoint.name);
        if (status === 201 || !target) {
          target = await endpoint.target(m, a);
          if (status !== 201) shared.set(endpoint.name, target);
        }
        const before = await t.eventCount();
        const res = await m.post(target.path, token(role), target.body);
        if (status === 201) {
          expect(res.status).toBe(201);
          expect(await t.eventCount()).toBeGreaterThan(before);
        } else {
          expectProblem(res, status);
          expect(await t.eventCount()).toBe(before);
        }
      },
    );
  });

  describe.each(READS.map((r) => [r.name, r] as const))('%s', (_name, read) => {
    it.each(ROLE_KEYS.map((role) => [ROLES[role], role, expectedRead(read, role)] as const))(
      '%s → %i',
      async (_label, role, status) => {
        const res = await m.get(read.path(readMatter), token(role));
        if (status === 200) {
          expect(res.status).toBe(200);
          expect(res.headers['x-ledger-position']).toMatch(/^\d+$/);
          if (read.list) {
            // A handler of another unit may list, but sees none of this unit's matters.
            const listed = res.body.items.map((item: { id: string }) => item.id);
            if (role === 'otherHandler') expect(listed).not.toContain(readMatter);
            else expect(listed).toContain(readMatter);
          }
        } else {
          expectProblem(res, status);
        }
      },
    );
  });
});
