import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FixedClock } from '@app/runtime';
import { ReadModels } from '../apps/api/src/read-models/read-models.service';
import { Actors, openMatterBody, seedActors } from './support/actors';
import { expectProblem, expectRefused, expectWritten, MatterApi } from './support/matter-api';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 13 "People and their tokens": listing, revocation, rotation, expiry, a handler's units. */
describe('principals and their tokens', () => {
  const clock = new FixedClock('2026-12-02T09:00:00+08:00', 'Asia/Shanghai');
  let t: TestApp;
  let a: Actors;
  let m: MatterApi;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    a = await seedActors(t);
    m = new MatterApi(t, a);
  });
  afterAll(() => t.close());

  const register = async (body: object) => (await m.post('/principals', a.admin, body).expect(201)).body;

  it('a revoked token gets 401 on the very next request; the revocation is an event with its actor and reason', async () => {
    const p = await register({ name: '登记员 离职', role: 'registrar' });
    await m.get('/units', p.token).expect(200);
    const res = await expectWritten(t, () => m.post(`/principals/${p.id}/revocation`, a.admin, { reason: '调离' }));
    expect(res.body).toEqual({ id: p.id, revision: 1, position: expect.stringMatching(/^\d+$/) });
    // No waiting, no minPosition: the guard reads the principal's stream itself.
    const refused = await m.get('/units', p.token);
    expectProblem(refused, 401);
    expect(refused.body.detail).toMatch(/revoked/);
    await expectRefused(t, () => m.post('/matters', p.token, openMatterBody()), 401);
    const [, revoked] = await t.store().readStream(`principal-${p.id}`);
    expect(revoked).toMatchObject({
      type: 'PrincipalRevoked',
      actor: { id: 'admin', role: 'admin' },
      data: { principalId: p.id, reason: '调离' },
    });
    await expectRefused(t, () => m.post(`/principals/${p.id}/revocation`, a.admin, { reason: '再次' }), 422, 'revoked');
    await expectRefused(t, () => m.post(`/principals/${p.id}/tokens`, a.admin, {}), 422, 'revoked');
  });

  it('revocation takes effect even while the read models are stopped (nothing is cached or projected first)', async () => {
    const p = await register({ name: '分析员 停', role: 'analyst' });
    await m.get('/units', p.token).expect(200);
    const runner = t.app.get(ReadModels).runner;
    const catchUp = runner.catchUp;
    const poke = runner.poke;
    runner.catchUp = async () => 0;
    runner.poke = () => undefined;
    try {
      await m.post(`/principals/${p.id}/revocation`, a.admin, { reason: '离职' }).expect(201);
      expectProblem(await m.post('/receptions', p.token, {}), 401);
    } finally {
      runner.catchUp = catchUp;
      runner.poke = poke;
    }
  });

  it('rotation: the new token works at once, the old one is refused; the ledger keeps only hashes', async () => {
    const p = await register({ name: '督查 轮换', role: 'auditor' });
    const res = await expectWritten(t, () => m.post(`/principals/${p.id}/tokens`, a.admin, {}));
    expect(res.body).toEqual({
      id: p.id,
      revision: 1,
      position: expect.stringMatching(/^\d+$/),
      token: expect.stringMatching(/^pl_\S{40,}$/),
    });
    expect(res.body.token).not.toBe(p.token);
    await m.get('/units', res.body.token).expect(200);
    expectProblem(await m.get('/units', p.token), 401);
    const events = await t.store().readStream(`principal-${p.id}`);
    expect(events.map((e) => e.type)).toEqual(['PrincipalRegistered', 'PrincipalTokenReplaced']);
    const stored = JSON.stringify(events.map((e) => e.data));
    expect(stored).not.toContain(res.body.token);
    expect(stored).not.toContain(p.token);
  });

  it('rotation replayed with the same Idempotency-Key appends nothing and cannot show the token again', async () => {
    const p = await register({ name: '督查 幂等', role: 'auditor' });
    const headers = { 'Idempotency-Key': `rotate-${p.id}` };
    const first = await m.post(`/principals/${p.id}/tokens`, a.admin, {}, headers).expect(201);
    const count = await t.eventCount();
    const again = await m.post(`/principals/${p.id}/tokens`, a.admin, {}, headers).expect(201);
    expect(again.body).toEqual({ id: p.id, revision: first.body.revision, position: first.body.position });
    expect(await t.eventCount()).toBe(count);
    await m.get('/units', first.body.token).expect(200);
  });

  it('expiry: a token with expiresAt works until that instant and gets 401 from it on (registration and rotation)', async () => {
    const p = await register({ name: '临时 分析员', role: 'analyst', expiresAt: '2026-12-02T10:00:00+08:00' });
    await m.get('/units', p.token).expect(200);
    clock.set('2026-12-02T09:59:59+08:00');
    await m.get('/units', p.token).expect(200);
    clock.set('2026-12-02T10:00:00+08:00');
    const refused = await m.get('/units', p.token);
    expectProblem(refused, 401);
    expect(refused.body.detail).toMatch(/expired/);
    // A new token for the same person, with its own expiry.
    const rotated = await m
      .post(`/principals/${p.id}/tokens`, a.admin, { expiresAt: '2026-12-03T10:00:00+08:00' })
      .expect(201);
    await m.get('/units', rotated.body.token).expect(200);
    clock.set('2026-12-03T10:00:01+08:00');
    expectProblem(await m.get('/units', rotated.body.token), 401);
    clock.set('2026-12-02T09:00:00+08:00');
  });

  it.each([
    ['in the past', { expiresAt: '2026-12-01T09:00:00+08:00' }],
    ['without an offset', { expiresAt: '2027-01-01T09:00:00' }],
    ['not a string', { expiresAt: 20270101 }],
  ])('400 for an expiry %s, appending nothing', async (_name, extra) => {
    const res = await expectRefused(
      t,
      () => m.post('/principals', a.admin, { name: 'x', role: 'analyst', ...extra }),
      400,
    );
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('expiresAt');
  });

  it('units change: the handler acts for its new unit at once and no longer for the old one, for writes and reads', async () => {
    const h = await register({ name: '经办人 调动', role: 'handler', units: ['dept-housing'] });
    const id = m.nextId('MOVE');
    await m.post('/matters', a.registrar, openMatterBody({ id })).expect(201);
    await m
      .post(`/matters/${id}/assignments`, a.registrar, {
        unit: 'town-b',
        mode: 'assign',
        occurredAt: '2022-03-02T10:00:00+08:00',
      })
      .expect(201);
    expectProblem(await m.get(`/matters/${id}`, h.token), 403);
    const res = await expectWritten(t, () => m.post(`/principals/${h.id}/units`, a.admin, { units: ['town-b'] }));
    expect(res.body).toEqual({ id: h.id, revision: 1, position: expect.stringMatching(/^\d+$/) });
    await m.get(`/matters/${id}`, h.token).expect(200);
    await m
      .post(`/matters/${id}/acceptance`, h.token, { accepted: true, occurredAt: '2022-03-03T10:00:00+08:00' })
      .expect(201);
    // Moved away again: refused on the next request.
    await m.post(`/principals/${h.id}/units`, a.admin, { units: ['dept-housing'] }).expect(201);
    expectProblem(await m.get(`/matters/${id}`, h.token), 403);
    await expectRefused(
      t,
      () =>
        m.post(`/matters/${id}/actions`, h.token, {
          kind: 'site_visit',
          note: '核实',
          occurredAt: '2022-03-10T10:00:00+08:00',
        }),
      403,
    );
  });

  it('units change: 422 for an unknown unit or a principal who is not a handler, 400 for no units, 404 for nobody', async () => {
    const h = await register({ name: '经办人 校验', role: 'handler', units: ['town-a'] });
    const r = await register({ name: '登记员 校验', role: 'registrar' });
    await expectRefused(
      t,
      () => m.post(`/principals/${h.id}/units`, a.admin, { units: ['town-nowhere'] }),
      422,
      'unknown-unit',
    );
    await expectRefused(
      t,
      () => m.post(`/principals/${r.id}/units`, a.admin, { units: ['town-a'] }),
      422,
      'not-a-handler',
    );
    await expectRefused(t, () => m.post(`/principals/${h.id}/units`, a.admin, { units: [] }), 400, 'at least one unit');
    await expectRefused(t, () => m.post(`/principals/${h.id}/units`, a.admin, {}), 400);
    await expectRefused(t, () => m.post('/principals/nobody/units', a.admin, { units: ['town-a'] }), 404);
    await expectRefused(t, () => m.post('/principals/nobody/revocation', a.admin, { reason: 'x' }), 404);
    await expectRefused(t, () => m.post('/principals/nobody/tokens', a.admin, {}), 404);
    await expectRefused(t, () => m.post(`/principals/${h.id}/revocation`, a.admin, {}), 400, 'reason');
  });

  it('GET /principals (admin): id, name, role, units, created, last used, expiry, revoked; no token or hash', async () => {
    const p = await register({ name: '分析员 列表', role: 'analyst', expiresAt: '2027-12-31T18:00:00+08:00' });
    const never = await register({ name: '分析员 未用', role: 'analyst' });
    clock.set('2026-12-02T11:30:00+08:00');
    await m.get('/units', p.token).expect(200);
    await m.post(`/principals/${never.id}/revocation`, a.admin, { reason: '未到岗' }).expect(201);
    const list = await m.get('/principals', a.admin).expect(200);
    expect(list.headers['x-ledger-position']).toMatch(/^\d+$/);
    const byId = new Map(list.body.map((row: { id: string }) => [row.id, row]));
    expect(byId.get(p.id)).toEqual({
      id: p.id,
      name: '分析员 列表',
      role: 'analyst',
      units: [],
      created: { at: expect.any(String), by: 'admin' },
      tokenIssuedAt: expect.any(String),
      expiresAt: '2027-12-31T18:00:00+08:00',
      lastUsed: '2026-12-02T03:30:00.000Z',
      revoked: null,
    });
    expect(byId.get(never.id)).toMatchObject({
      lastUsed: null,
      revoked: { at: expect.any(String), by: 'admin', reason: '未到岗' },
    });
    const text = JSON.stringify(list.body);
    for (const token of [p.token, never.token, a.registrar]) expect(text).not.toContain(token);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
    for (const token of [a.registrar, a.handler, a.leader, a.analyst, a.auditor]) {
      expectProblem(await m.get('/principals', token), 403);
    }
    expectProblem(await m.get('/principals', null), 401);
    clock.set('2026-12-02T09:00:00+08:00');
  });

  it('"last used" is kept in its own file of the data directory, not as ledger events, and no token is stored in plaintext', async () => {
    const p = await register({ name: '分析员 文件', role: 'analyst' });
    const before = await t.eventCount();
    clock.set('2026-12-02T12:00:00+08:00');
    for (let i = 0; i < 5; i++) await m.get('/units', p.token).expect(200);
    expect(await t.eventCount()).toBe(before);
    expect(readdirSync(t.dataDir)).toContain('principal-usage.sqlite');
    for (const file of readdirSync(t.dataDir).filter((f) => !f.endsWith('.txt'))) {
      const path = join(t.dataDir, file);
      try {
        expect(readFileSync(path).includes(p.token)).toBe(false);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
      }
    }
    clock.set('2026-12-02T09:00:00+08:00');
  });
});
