import { Actors, auth, openMatterBody, PERSON, seedActors } from './support/actors';
import { expectProblem, expectRefused, expectWritten, MatterApi } from './support/matter-api';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

/** Units, principals and petitioner erasure: the admin's writes. */
describe('units, principals and erasure', () => {
  let t: TestApp;
  let a: Actors;
  let m: MatterApi;
  beforeAll(async () => {
    t = await startTestApp();
    a = await seedActors(t);
    m = new MatterApi(t, a);
  });
  afterAll(() => t.close());

  describe('POST /units and GET /units', () => {
    it('registers a unit with its parent; GET /units lists {code, name, kind, parent}', async () => {
      const res = await expectWritten(t, () =>
        m.post('/units', a.admin, { code: 'village-x', name: '幸福村', kind: 'village', parent: 'town-a' }),
      );
      expect(res.body).toEqual({ id: 'village-x', revision: 0, position: expect.stringMatching(/^\d+$/) });
      const list = await m.get('/units', a.analyst).expect(200);
      expect(list.headers['x-ledger-position']).toMatch(/^\d+$/);
      expect(list.body).toContainEqual({ code: 'village-x', name: '幸福村', kind: 'village', parent: 'town-a' });
      expect(list.body).toContainEqual({ code: 'dept-housing', name: '住建局', kind: 'department', parent: null });
      for (const unit of list.body) expect(Object.keys(unit).sort()).toEqual(['code', 'kind', 'name', 'parent']);
    });

    it.each([
      ['a code with spaces', { code: 'town a', name: 'x', kind: 'town' }, 'code'],
      ['an unknown kind', { code: 'town-c', name: 'x', kind: 'county' }, 'kind'],
      ['no name', { code: 'town-c', kind: 'town' }, 'name'],
      ['an unknown field', { code: 'town-c', name: 'x', kind: 'town', budget: 1 }, 'budget'],
    ])('400 for %s', async (_name, body, field) => {
      const res = await expectRefused(t, () => m.post('/units', a.admin, body), 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('409 for a code already taken; 422 for an unknown parent; 403 for anyone but admin; 401 without a token', async () => {
      await expectRefused(
        t,
        () => m.post('/units', a.admin, { code: 'town-a', name: '重复', kind: 'town' }),
        409,
        'already exists',
      );
      await expectRefused(
        t,
        () => m.post('/units', a.admin, { code: 'village-y', name: 'y', kind: 'village', parent: 'town-nowhere' }),
        422,
        'unknown-unit',
      );
      await expectRefused(t, () => m.post('/units', a.registrar, { code: 'town-c', name: 'x', kind: 'town' }), 403);
      await expectRefused(t, () => m.post('/units', a.handler, { code: 'town-c', name: 'x', kind: 'town' }), 403);
      await expectRefused(t, () => m.post('/units', null, { code: 'town-c', name: 'x', kind: 'town' }), 401);
      expectProblem(await m.get('/units', null), 401);
    });

    it('Idempotency-Key: the same request returns the first answer and appends nothing; a different one is 409', async () => {
      const body = { code: 'town-idem', name: '幂等镇', kind: 'town' };
      const first = await expectWritten(t, () => m.post('/units', a.admin, body, { 'Idempotency-Key': 'unit-1' }));
      const count = await t.eventCount();
      expect((await m.post('/units', a.admin, body, { 'Idempotency-Key': 'unit-1' }).expect(201)).body).toEqual(
        first.body,
      );
      expect(await t.eventCount()).toBe(count);
      await expectRefused(
        t,
        () => m.post('/units', a.admin, { ...body, name: '别的' }, { 'Idempotency-Key': 'unit-1' }),
        409,
      );
    });
  });

  describe('POST /principals', () => {
    it('returns {id, token}; the token works at once, for that role', async () => {
      const res = await expectWritten(t, () =>
        m.post('/principals', a.admin, { name: '登记员 新', role: 'registrar' }),
      );
      expect(res.body).toEqual(
        expect.objectContaining({ id: expect.any(String), token: expect.stringMatching(/^\S{16,}$/) }),
      );
      await m.post('/matters', res.body.token, openMatterBody({ id: 'BY-NEW' })).expect(201);
      const timeline = await m.get('/matters/BY-NEW/timeline', a.auditor).expect(200);
      expect(timeline.body[0].actor).toEqual({ id: res.body.id, role: 'registrar' });
    });

    it('a handler is scoped to its units', async () => {
      const res = await m
        .post('/principals', a.admin, { name: '经办人 新', role: 'handler', units: ['town-b', 'town-a'] })
        .expect(201);
      await m.post('/matters', a.registrar, openMatterBody({ id: 'SCOPE-1' })).expect(201);
      await m
        .post('/matters/SCOPE-1/assignments', a.registrar, {
          unit: 'town-b',
          mode: 'assign',
          occurredAt: '2022-03-02T10:00:00+08:00',
        })
        .expect(201);
      await m
        .post('/matters/SCOPE-1/acceptance', res.body.token, {
          accepted: true,
          occurredAt: '2022-03-03T10:00:00+08:00',
        })
        .expect(201);
    });

    it('never keeps the token itself in the ledger, only its hash', async () => {
      const res = await m.post('/principals', a.admin, { name: '分析员 新', role: 'analyst' }).expect(201);
      const events = await t.store().readStream(`principal-${res.body.id}`);
      expect(events).toHaveLength(1);
      expect(events[0].data).toEqual(
        expect.objectContaining({ principalId: res.body.id, tokenHash: expect.any(String) }),
      );
      expect(JSON.stringify(events[0].data)).not.toContain(res.body.token);
    });

    it.each([
      ['an unknown role', { name: 'x', role: 'mayor' }, 'role'],
      ['a handler without units', { name: 'x', role: 'handler' }, 'units'],
      ['a handler with an empty unit list', { name: 'x', role: 'handler', units: [] }, 'units'],
      ['units for a registrar', { name: 'x', role: 'registrar', units: ['town-a'] }, 'units'],
      ['a unit that is not a code', { name: 'x', role: 'handler', units: ['城关镇'] }, 'units'],
      ['no name', { role: 'analyst' }, 'name'],
      ['a token in the body', { name: 'x', role: 'analyst', token: 'mine' }, 'token'],
    ])('400 for %s', async (_name, body, field) => {
      const res = await expectRefused(t, () => m.post('/principals', a.admin, body), 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('422 for an unknown unit; 403 for anyone but admin; 401 without or with a bad token', async () => {
      await expectRefused(
        t,
        () => m.post('/principals', a.admin, { name: 'x', role: 'handler', units: ['town-nowhere'] }),
        422,
        'unknown-unit',
      );
      for (const token of [a.registrar, a.handler, a.leader, a.analyst, a.auditor]) {
        await expectRefused(t, () => m.post('/principals', token, { name: 'x', role: 'admin' }), 403);
      }
      await expectRefused(t, () => m.post('/principals', null, { name: 'x', role: 'admin' }), 401);
      await expectRefused(t, () => m.post('/principals', `${ADMIN_TOKEN}x`, { name: 'x', role: 'admin' }), 401);
    });

    it('a replayed Idempotency-Key returns the same id, appends nothing and cannot show the token again', async () => {
      const body = { name: '督查 新', role: 'auditor' };
      const first = await expectWritten(t, () =>
        m.post('/principals', a.admin, body, { 'Idempotency-Key': 'principal-1' }),
      );
      const count = await t.eventCount();
      const again = await m.post('/principals', a.admin, body, { 'Idempotency-Key': 'principal-1' }).expect(201);
      expect(again.body).toEqual({ id: first.body.id, revision: first.body.revision, position: first.body.position });
      expect(await t.eventCount()).toBe(count);
    });

    it('a request that loses the race for its key gets the first id and no token for a principal that was never registered', async () => {
      const body = { name: '督查 竞', role: 'auditor' };
      const first = await expectWritten(t, () =>
        m.post('/principals', a.admin, body, { 'Idempotency-Key': 'principal-race' }),
      );
      const count = await t.eventCount();
      const store = t.store();
      const findIdempotency = store.findIdempotency;
      store.findIdempotency = async () => null;
      try {
        const again = await m.post('/principals', a.admin, body, { 'Idempotency-Key': 'principal-race' }).expect(201);
        expect(again.body).toEqual({ id: first.body.id, revision: first.body.revision, position: first.body.position });
      } finally {
        store.findIdempotency = findIdempotency;
      }
      expect(await t.eventCount()).toBe(count);
    });
  });

  describe('POST /petitioners/{id}/erasure', () => {
    it('destroys the key and records the erasure as an event; the matter and its history stay', async () => {
      const id = await m.matterAt('accepted');
      const petitionerId = await m.petitionerOf(id);
      const timelineBefore = (await m.get(`/matters/${id}/timeline`, a.auditor).expect(200)).body;
      const res = await expectWritten(t, () =>
        m.post(`/petitioners/${petitionerId}/erasure`, a.admin, { reason: '保存期限届满' }),
      );
      expect(res.body).toEqual({ id: petitionerId, revision: 0, position: expect.stringMatching(/^\d+$/) });
      const [event] = await t.store().readStream(`petitioner-${petitionerId}`);
      expect(event).toMatchObject({
        type: 'PetitionerErased',
        actor: { id: 'admin', role: 'admin' },
        data: { petitionerId, reason: '保存期限届满' },
      });
      const view = await m.get(`/matters/${id}`, a.registrar).expect(200);
      expect(view.body).toMatchObject({
        status: 'accepted',
        petitioners: [{ id: petitionerId, name: null, idNumber: null, phone: null, visibility: 'erased' }],
      });
      expect(JSON.stringify(view.body)).not.toContain(PERSON.phone);
      expect((await m.get(`/matters/${id}/timeline`, a.auditor).expect(200)).body).toEqual(timelineBefore);
      // The matter still moves on.
      await m
        .post(`/matters/${id}/replies`, a.handler, {
          outcome: 'supported',
          note: '答复',
          occurredAt: '2022-04-20T10:00:00+08:00',
        })
        .expect(201);
    });

    it('409 when already erased; 404 for an unknown petitioner; 400 without a reason; 403 for anyone but admin', async () => {
      const id = await m.matterAt('registered');
      const petitionerId = await m.petitionerOf(id);
      await expectRefused(t, () => m.post(`/petitioners/${petitionerId}/erasure`, a.admin, {}), 400, 'reason');
      await expectRefused(
        t,
        () => m.post(`/petitioners/${petitionerId}/erasure`, a.admin, { reason: '' }),
        400,
        'reason',
      );
      for (const token of [a.registrar, a.handler, a.leader, a.analyst, a.auditor]) {
        await expectRefused(t, () => m.post(`/petitioners/${petitionerId}/erasure`, token, { reason: 'x' }), 403);
      }
      await expectRefused(t, () => m.post(`/petitioners/${petitionerId}/erasure`, null, { reason: 'x' }), 401);
      await expectRefused(t, () => m.post('/petitioners/pet-nobody/erasure', a.admin, { reason: 'x' }), 404);
      await m.post(`/petitioners/${petitionerId}/erasure`, a.admin, { reason: '申请删除' }).expect(201);
      await expectRefused(
        t,
        () => m.post(`/petitioners/${petitionerId}/erasure`, a.admin, { reason: '申请删除' }),
        409,
        'already erased',
      );
    });

    it('the same Idempotency-Key and body returns the first answer and appends nothing', async () => {
      const id = await m.matterAt('registered');
      const petitionerId = await m.petitionerOf(id);
      const first = await expectWritten(t, () =>
        m.post(`/petitioners/${petitionerId}/erasure`, a.admin, { reason: '到期' }, { 'Idempotency-Key': 'erase-1' }),
      );
      const count = await t.eventCount();
      expect(
        (
          await m
            .post(`/petitioners/${petitionerId}/erasure`, a.admin, { reason: '到期' }, { 'Idempotency-Key': 'erase-1' })
            .expect(201)
        ).body,
      ).toEqual(first.body);
      expect(await t.eventCount()).toBe(count);
    });
  });

  describe('bearer tokens', () => {
    it('401 for a malformed Authorization header, with a problem body', async () => {
      for (const header of ['', 'Bearer', 'Bearer ', `Token ${a.admin}`, `Bearer ${a.admin} extra`]) {
        const res = await t.http().get('/api/v1/units').set('Authorization', header);
        expectProblem(res, 401);
      }
      await t.http().get('/api/v1/units').set(auth(a.admin)).expect(200);
    });
  });
});
