import { Actors, openMatterBody, PERSON } from './support/actors';
import { AT, expectProblem, expectRefused, expectWritten, MatterApi, startMatterApi } from './support/matter-api';
import { TestApp } from './support/test-app';

/**
 * Every matter endpoint of API.md through the real app: the happy path, each 4xx, every
 * statutory refusal that HTTP can reach, and that a refused request appends nothing.
 */
describe('matter endpoints', () => {
  let t: TestApp;
  let a: Actors;
  let m: MatterApi;
  beforeAll(async () => {
    ({ t, a, m } = await startMatterApi());
  });
  afterAll(() => t.close());

  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
  const contact = (extra: Record<string, unknown> = {}) => ({
    contact: { occurredAt: '2022-03-03T09:00:00+08:00', channel: 'visit', headcount: 1, ...extra },
  });

  describe('POST /matters', () => {
    it('opens a matter with its first contact: 201 {id, revision, position}, and GET shows it', async () => {
      const res = await expectWritten(t, () => m.post('/matters', a.registrar, openMatterBody({ id: 'OPEN-1' })));
      expect(res.body).toEqual({ id: 'OPEN-1', revision: 1, position: expect.stringMatching(/^\d+$/) });
      const view = await m.get('/matters/OPEN-1', a.registrar).expect(200);
      expect(view.body).toMatchObject({
        id: 'OPEN-1',
        revision: 1,
        status: 'registered',
        category: 'labour_social_security',
        subject: '紫悦华府',
        responsibleUnit: 'town-a',
        assignedUnit: null,
        owner: null,
        petitioners: [
          { id: expect.stringMatching(/^pet-/), name: PERSON.name, idNumber: PERSON.idNumber, phone: PERSON.phone },
        ],
        contacts: [
          {
            occurredAt: expect.any(String),
            channel: 'visit',
            level: 'city',
            source: null,
            headcount: 12,
            collective: true,
            repeat: false,
          },
        ],
        deadlines: { transfer: '2022-03-16' },
        overdue: true,
      });
    });

    it('generates an id when none is given', async () => {
      const body = openMatterBody();
      const res = await expectWritten(t, () => m.post('/matters', a.registrar, body));
      expect(res.body.id).toMatch(/^XF\d{8}-[A-Za-z0-9_-]{8}$/);
      await m.get(`/matters/${res.body.id}`, a.leader).expect(200);
    });

    it('counts a contact of 5 or more persons as collective, of 4 as individual (default threshold)', async () => {
      await m
        .post(
          '/matters',
          a.registrar,
          openMatterBody({ id: 'HC-5', contact: { channel: 'visit', occurredAt: AT.opened, headcount: 5 } }),
        )
        .expect(201);
      await m
        .post(
          '/matters',
          a.registrar,
          openMatterBody({ id: 'HC-4', contact: { channel: 'visit', occurredAt: AT.opened, headcount: 4 } }),
        )
        .expect(201);
      expect((await m.get('/matters/HC-5', a.analyst).expect(200)).body.contacts[0].collective).toBe(true);
      expect((await m.get('/matters/HC-4', a.analyst).expect(200)).body.contacts[0].collective).toBe(false);
    });

    it('takes an online contact with its source and an anonymous matter without petitioners; occurredAt defaults to now', async () => {
      const before = Date.now();
      await expectWritten(t, () =>
        m.post(
          '/matters',
          a.registrar,
          openMatterBody({
            id: 'ONLINE-1',
            petitioners: undefined,
            contact: { channel: 'online', source: 'national_platform', level: 'national' },
          }),
        ),
      );
      const view = await m.get('/matters/ONLINE-1', a.registrar).expect(200);
      expect(view.body.petitioners).toEqual([]);
      expect(view.body.contacts[0]).toMatchObject({
        channel: 'online',
        source: 'national_platform',
        level: 'national',
        headcount: 1,
        collective: false,
      });
      expect(Date.parse(view.body.contacts[0].occurredAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(view.body.overdue).toBe(false);
    });

    it.each([
      ['an unknown top-level field', { shoeSize: 42 }, 'shoeSize'],
      [
        'an unknown field in contact',
        { contact: { channel: 'visit', occurredAt: AT.opened, mood: 'angry' } },
        'contact.mood',
      ],
      ['an unknown field of a petitioner', { petitioners: [{ ...PERSON, religion: 'x' }] }, 'petitioners.0.religion'],
      [
        'occurredAt without an offset',
        { contact: { channel: 'visit', occurredAt: '2022-03-01T09:30:00' } },
        'contact.occurredAt',
      ],
      ['occurredAt as a date only', { contact: { channel: 'visit', occurredAt: '2022-03-01' } }, 'contact.occurredAt'],
      ['headcount 0', { contact: { channel: 'visit', occurredAt: AT.opened, headcount: 0 } }, 'contact.headcount'],
      ['headcount 2.5', { contact: { channel: 'visit', occurredAt: AT.opened, headcount: 2.5 } }, 'contact.headcount'],
      ['an unknown channel', { contact: { channel: 'pigeon', occurredAt: AT.opened } }, 'contact.channel'],
      ['an unknown level', { contact: { channel: 'visit', level: 'county', occurredAt: AT.opened } }, 'contact.level'],
      ['an unknown category', { category: 'weather' }, 'category'],
      ['an empty summary', { summary: '' }, 'summary'],
      ['a summary over 4000 characters', { summary: '访'.repeat(4001) }, 'summary'],
      ['no contact', { contact: undefined }, 'contact'],
      ['an id with a slash', { id: 'a/b' }, 'id'],
      ['a responsibleUnit that is not a code', { responsibleUnit: '城关镇' }, 'responsibleUnit'],
    ])('refuses %s with 400 naming the field, appending nothing', async (_name, overrides, field) => {
      const res = await expectRefused(
        t,
        () => m.post('/matters', a.registrar, openMatterBody({ id: 'BAD-1', ...overrides })),
        400,
      );
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it.each([
      [
        'an online contact without its source',
        { channel: 'online', occurredAt: AT.opened },
        'source-required-for-online',
      ],
      [
        'a source on a visit',
        { channel: 'visit', source: 'city_platform', occurredAt: AT.opened },
        'source-only-for-online',
      ],
      ['an occurredAt in the future', { channel: 'visit', occurredAt: 'FUTURE' }, 'occurred-in-future'],
    ])('refuses %s with 400 and the rule, appending nothing', async (_name, contactBody, rule) => {
      const body = openMatterBody({
        id: 'BAD-2',
        contact: {
          ...contactBody,
          occurredAt: contactBody.occurredAt === 'FUTURE' ? inAnHour() : contactBody.occurredAt,
        },
      });
      const res = await expectRefused(t, () => m.post('/matters', a.registrar, body), 400, rule);
      expect(res.body.errors).toEqual([{ field: expect.stringMatching(/^contact\./), message: expect.any(String) }]);
    });

    it('refuses bodies that are not JSON objects with 400', async () => {
      await expectRefused(
        t,
        () =>
          t
            .http()
            .post('/api/v1/matters')
            .set('Authorization', `Bearer ${a.registrar}`)
            .set('Content-Type', 'application/json')
            .send('{"category": '),
        400,
      );
      await expectRefused(
        t,
        () =>
          t
            .http()
            .post('/api/v1/matters')
            .set('Authorization', `Bearer ${a.registrar}`)
            .set('Content-Type', 'application/json')
            .send('[1,2]'),
        400,
      );
    });

    it('401 without a token or with an invalid one; 403 for a role that may not open matters', async () => {
      await expectRefused(t, () => m.post('/matters', null, openMatterBody({ id: 'AUTH-1' })), 401);
      await expectRefused(t, () => m.post('/matters', 'not-a-token', openMatterBody({ id: 'AUTH-1' })), 401);
      await expectRefused(
        t,
        () =>
          t
            .http()
            .post('/api/v1/matters')
            .set('Authorization', `Basic ${a.registrar}`)
            .send(openMatterBody({ id: 'AUTH-1' })),
        401,
      );
      await expectRefused(t, () => m.post('/matters', a.handler, openMatterBody({ id: 'AUTH-1' })), 403);
      await expectRefused(t, () => m.post('/matters', a.auditor, openMatterBody({ id: 'AUTH-1' })), 403);
    });

    it('409 when the id is taken; 422 for an unknown responsible unit', async () => {
      await m.post('/matters', a.registrar, openMatterBody({ id: 'DUP-1' })).expect(201);
      const dup = await expectRefused(
        t,
        () => m.post('/matters', a.registrar, openMatterBody({ id: 'DUP-1' })),
        409,
        'already exists',
      );
      expect(dup.body.currentRevision).toBe(1);
      const unit = await expectRefused(
        t,
        () => m.post('/matters', a.registrar, openMatterBody({ id: 'UNIT-1', responsibleUnit: 'town-nowhere' })),
        422,
        'unknown-unit',
      );
      expect(unit.body.errors).toEqual([{ field: 'responsibleUnit', message: expect.any(String) }]);
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key with the same body returns the first response and appends nothing', async () => {
      const body = openMatterBody();
      const first = await expectWritten(t, () =>
        m.post('/matters', a.registrar, body, { 'Idempotency-Key': 'idem-open-1' }),
      );
      const count = await t.eventCount();
      const again = await m.post('/matters', a.registrar, body, { 'Idempotency-Key': 'idem-open-1' }).expect(201);
      expect(again.body).toEqual(first.body);
      expect(await t.eventCount()).toBe(count);
    });

    it('replays a command on an existing matter even after the matter moved on', async () => {
      const id = await m.matterAt('registered');
      const body = { contact: { channel: 'phone', occurredAt: '2022-03-03T09:00:00+08:00' } };
      const first = await expectWritten(t, () =>
        m.post(`/matters/${id}/contacts`, a.registrar, body, { 'Idempotency-Key': 'idem-contact-1' }),
      );
      await m.post(`/matters/${id}/contacts`, a.registrar, body).expect(201);
      const count = await t.eventCount();
      const again = await m
        .post(`/matters/${id}/contacts`, a.registrar, body, { 'Idempotency-Key': 'idem-contact-1', 'If-Match': '"1"' })
        .expect(201);
      expect(again.body).toEqual(first.body);
      expect(await t.eventCount()).toBe(count);
    });

    it('the same key with a different body, or on another path, is a 409 conflict', async () => {
      const id = await m.matterAt('registered');
      await m
        .post(`/matters/${id}/owners`, a.leader, { leader: '副市长 张' }, { 'Idempotency-Key': 'idem-owner-1' })
        .expect(201);
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/owners`, a.leader, { leader: '副市长 王' }, { 'Idempotency-Key': 'idem-owner-1' }),
        409,
        'Idempotency-Key',
      );
      const other = await m.matterAt('registered');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${other}/owners`, a.leader, { leader: '副市长 张' }, { 'Idempotency-Key': 'idem-owner-1' }),
        409,
        'Idempotency-Key',
      );
    });

    it('a request that loses the race for its key still answers with the first response (id included)', async () => {
      const body = openMatterBody();
      const first = await expectWritten(t, () =>
        m.post('/matters', a.registrar, body, { 'Idempotency-Key': 'idem-race-1' }),
      );
      const count = await t.eventCount();
      // As if a concurrent request had looked the key up before this one recorded it: only the append sees it.
      const store = t.store();
      const findIdempotency = store.findIdempotency;
      store.findIdempotency = async () => null;
      try {
        const again = await m.post('/matters', a.registrar, body, { 'Idempotency-Key': 'idem-race-1' }).expect(201);
        expect(again.body).toEqual(first.body);
      } finally {
        store.findIdempotency = findIdempotency;
      }
      expect(await t.eventCount()).toBe(count);
      await m.get(`/matters/${first.body.id}`, a.analyst).expect(200);
    });

    it('keys are scoped to the principal: another clerk may use the same key', async () => {
      const body = openMatterBody();
      const mine = await expectWritten(t, () =>
        m.post('/matters', a.registrar, body, { 'Idempotency-Key': 'shared-key' }),
      );
      const theirs = await expectWritten(t, () =>
        m.post('/matters', a.admin, body, { 'Idempotency-Key': 'shared-key' }),
      );
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('takes keys of up to 128 characters and refuses longer or empty ones with 400', async () => {
      const key = 'k'.repeat(128);
      const first = await expectWritten(t, () =>
        m.post('/matters', a.registrar, openMatterBody({ id: 'IDEM-128' }), { 'Idempotency-Key': key }),
      );
      const count = await t.eventCount();
      expect(
        (
          await m
            .post('/matters', a.registrar, openMatterBody({ id: 'IDEM-128' }), { 'Idempotency-Key': key })
            .expect(201)
        ).body,
      ).toEqual(first.body);
      expect(await t.eventCount()).toBe(count);
      await expectRefused(
        t,
        () => m.post('/matters', a.registrar, openMatterBody({ id: 'IDEM-129' }), { 'Idempotency-Key': `${key}k` }),
        400,
        'Idempotency-Key',
      );
    });
  });

  describe('If-Match', () => {
    it('writes when the revision matches; 409 with currentRevision when the matter moved on; 400 when malformed', async () => {
      const id = await m.matterAt('registered');
      await expectWritten(t, () => m.post(`/matters/${id}/contacts`, a.registrar, contact(), { 'If-Match': '"1"' }));
      const stale = await expectRefused(
        t,
        () => m.post(`/matters/${id}/contacts`, a.registrar, contact(), { 'If-Match': '"1"' }),
        409,
        'moved on',
      );
      expect(stale.body.currentRevision).toBe(2);
      await expectWritten(t, () => m.post(`/matters/${id}/contacts`, a.registrar, contact(), { 'If-Match': '2' }));
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/contacts`, a.registrar, contact(), { 'If-Match': 'W/"x"' }),
        400,
        'If-Match',
      );
    });

    it('an unknown matter is 404 whatever If-Match says', async () => {
      await expectRefused(
        t,
        () => m.post('/matters/NOPE/contacts', a.registrar, contact(), { 'If-Match': '"1"' }),
        404,
      );
    });
  });

  describe('POST /matters/{id}/contacts', () => {
    it('records a further contact as a repeat', async () => {
      const id = await m.matterAt('registered');
      const res = await expectWritten(t, () =>
        m.post(
          `/matters/${id}/contacts`,
          a.registrar,
          contact({ channel: 'online', source: 'provincial_platform', level: 'province' }),
        ),
      );
      expect(res.body.revision).toBe(2);
      const view = await m.get(`/matters/${id}`, a.analyst).expect(200);
      expect(view.body.contacts).toHaveLength(2);
      expect(view.body.contacts[1]).toMatchObject({
        channel: 'online',
        source: 'provincial_platform',
        level: 'province',
        repeat: true,
      });
    });

    it('400 for bad input, 404 for an unknown matter, 422 for a contact before the first one', async () => {
      const id = await m.matterAt('registered');
      await expectRefused(t, () => m.post(`/matters/${id}/contacts`, a.registrar, {}), 400);
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/contacts`, a.registrar, { ...contact(), extra: 1 }),
        400,
        'extra',
      );
      await expectRefused(t, () => m.post(`/matters/${id}/contacts`, a.registrar, contact({ headcount: 0 })), 400);
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/contacts`, a.registrar, contact({ channel: 'online' })),
        400,
        'source-required-for-online',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/contacts`, a.registrar, contact({ source: 'city_platform' })),
        400,
        'source-only-for-online',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/contacts`, a.registrar, contact({ occurredAt: '2022-03-03 09:00' })),
        400,
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/contacts`, a.registrar, contact({ occurredAt: inAnHour() })),
        400,
        'occurred-in-future',
      );
      await expectRefused(t, () => m.post('/matters/NOPE/contacts', a.registrar, contact()), 404);
      const early = await expectRefused(
        t,
        () => m.post(`/matters/${id}/contacts`, a.registrar, contact({ occurredAt: '2022-02-28T09:00:00+08:00' })),
        422,
        'occurred-before-previous-fact',
      );
      expect(early.body.rule).toBe('occurred-before-previous-fact');
    });
  });

  describe('POST /matters/{id}/assignments', () => {
    it('transfers a matter to a unit', async () => {
      const id = await m.matterAt('registered');
      await expectWritten(t, () =>
        m.post(`/matters/${id}/assignments`, a.registrar, {
          unit: 'dept-housing',
          mode: 'transfer',
          occurredAt: AT.assigned,
        }),
      );
      const view = await m.get(`/matters/${id}`, a.handler).expect(200);
      expect(view.body).toMatchObject({ status: 'assigned', assignedUnit: 'dept-housing' });
      expect(Object.keys(view.body.deadlines).sort()).toEqual(['acceptance', 'remit_return']);
    });

    it('400 for a bad mode or unknown field; 422 for an unknown unit, a second assignment, or one before receipt', async () => {
      const id = await m.matterAt('registered');
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/assignments`, a.registrar, { unit: 'dept-housing', mode: 'delegate' }),
        400,
        'mode',
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/assignments`, a.registrar, {
            unit: 'dept-housing',
            mode: 'assign',
            due: '2022-04-01',
          }),
        400,
        'due',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/assignments`, a.registrar, { unit: 'dept-nowhere', mode: 'assign' }),
        422,
        'unknown-unit',
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/assignments`, a.registrar, {
            unit: 'dept-housing',
            mode: 'assign',
            occurredAt: '2022-02-01T10:00:00+08:00',
          }),
        422,
        'occurred-before-previous-fact',
      );
      await m
        .post(`/matters/${id}/assignments`, a.registrar, {
          unit: 'dept-housing',
          mode: 'assign',
          occurredAt: AT.assigned,
        })
        .expect(201);
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/assignments`, a.registrar, {
            unit: 'town-b',
            mode: 'assign',
            occurredAt: AT.assigned,
          }),
        422,
        'already-assigned',
      );
      await expectRefused(
        t,
        () => m.post('/matters/NOPE/assignments', a.registrar, { unit: 'dept-housing', mode: 'assign' }),
        404,
      );
    });
  });

  describe('POST /matters/{id}/acceptance', () => {
    it('the handler of the assigned unit accepts; the reply clock starts', async () => {
      const id = await m.matterAt('assigned');
      await expectWritten(t, () =>
        m.post(`/matters/${id}/acceptance`, a.handler, { accepted: true, occurredAt: AT.accepted }),
      );
      const view = await m.get(`/matters/${id}`, a.handler).expect(200);
      expect(view.body.status).toBe('accepted');
      expect(view.body.deadlines).toEqual({ reply: '2022-05-05' });
    });

    it('a refusal to accept needs a reason (400 without), and then no reply or action is possible (422)', async () => {
      const id = await m.matterAt('assigned');
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/acceptance`, a.handler, { accepted: false, occurredAt: AT.accepted }),
        400,
        'reason',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/acceptance`, a.handler, { accepted: 'yes' }),
        400,
        'accepted',
      );
      await expectWritten(t, () =>
        m.post(`/matters/${id}/acceptance`, a.handler, {
          accepted: false,
          reason: '已进入诉讼程序',
          occurredAt: AT.accepted,
        }),
      );
      expect((await m.get(`/matters/${id}`, a.handler).expect(200)).body.status).toBe('not_accepted');
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/replies`, a.handler, { outcome: 'explained', note: '答复' }),
        422,
        'matter-not-accepted',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/actions`, a.handler, { kind: 'call', note: '电话' }),
        422,
        'matter-not-accepted',
      );
    });

    it('422 when already decided or dated before the assignment; 403 for another unit or an unassigned matter; 404 unknown', async () => {
      const id = await m.matterAt('assigned');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/acceptance`, a.handler, { accepted: true, occurredAt: '2022-03-01T12:00:00+08:00' }),
        422,
        'occurred-before-previous-fact',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/acceptance`, a.otherHandler, { accepted: true, occurredAt: AT.accepted }),
        403,
        'held by unit dept-housing',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/acceptance`, a.responsibleHandler, { accepted: true, occurredAt: AT.accepted }),
        403,
      );
      await m.post(`/matters/${id}/acceptance`, a.handler, { accepted: true, occurredAt: AT.accepted }).expect(201);
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/acceptance`, a.handler, { accepted: true, occurredAt: AT.accepted }),
        422,
        'acceptance-already-decided',
      );
      const unassigned = await m.matterAt('registered');
      await expectRefused(
        t,
        () => m.post(`/matters/${unassigned}/acceptance`, a.handler, { accepted: true }),
        403,
        'not with any unit',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${unassigned}/acceptance`, a.admin, { accepted: true }),
        422,
        'not-assigned',
      );
      await expectRefused(t, () => m.post('/matters/NOPE/acceptance', a.handler, { accepted: true }), 404);
    });
  });

  describe('POST /matters/{id}/remit-returns', () => {
    it('returns a matter within 5 working days (the last day itself), back to the bureau for reassignment', async () => {
      // DOMAIN.md: transfer received 2022-04-29 → May 5, 6, 7 (make-up day), 9, 10 → 2022-05-10.
      const id = await m.matterOn({ opened: '2022-04-28T10:00:00+08:00', transferred: '2022-04-29T10:00:00+08:00' });
      await expectWritten(t, () =>
        m.post(`/matters/${id}/remit-returns`, a.handler, {
          reason: '不属于本单位职权范围',
          occurredAt: '2022-05-10T17:00:00+08:00',
        }),
      );
      const view = await m.get(`/matters/${id}`, a.registrar).expect(200);
      expect(view.body).toMatchObject({ status: 'returned', assignedUnit: null });
      await expectWritten(t, () =>
        m.post(`/matters/${id}/assignments`, a.registrar, {
          unit: 'town-b',
          mode: 'assign',
          occurredAt: '2022-05-11T10:00:00+08:00',
        }),
      );
      // The returning unit no longer holds it.
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/acceptance`, a.handler, { accepted: true, occurredAt: '2022-05-12T10:00:00+08:00' }),
        403,
      );
      await expectWritten(t, () =>
        m.post(`/matters/${id}/acceptance`, a.otherHandler, {
          accepted: true,
          occurredAt: '2022-05-12T10:00:00+08:00',
        }),
      );
    });

    it('422 after the 5 working days, after acceptance, or before assignment; 400 without a reason', async () => {
      const id = await m.matterOn({ opened: '2022-04-28T10:00:00+08:00', transferred: '2022-04-29T10:00:00+08:00' });
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/remit-returns`, a.handler, { occurredAt: '2022-05-05T10:00:00+08:00' }),
        400,
        'reason',
      );
      const late = await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/remit-returns`, a.handler, {
            reason: '不属于',
            occurredAt: '2022-05-11T09:00:00+08:00',
          }),
        422,
        'remit-return-window-closed',
      );
      expect(late.body.detail).toContain('2022-05-10');
      const accepted = await m.matterAt('accepted');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${accepted}/remit-returns`, a.handler, {
            reason: '不属于',
            occurredAt: '2022-03-06T10:00:00+08:00',
          }),
        422,
        'acceptance-already-decided',
      );
      const registered = await m.matterAt('registered');
      await expectRefused(
        t,
        () => m.post(`/matters/${registered}/remit-returns`, a.admin, { reason: '不属于' }),
        422,
        'not-assigned',
      );
      await expectRefused(t, () => m.post('/matters/NOPE/remit-returns', a.handler, { reason: '不属于' }), 404);
    });
  });

  describe('POST /matters/{id}/actions', () => {
    it('records a handling action, with the actor on the timeline', async () => {
      const id = await m.matterAt('accepted');
      await expectWritten(t, () =>
        m.post(`/matters/${id}/actions`, a.handler, {
          kind: 'site_visit',
          note: '到现场核实',
          occurredAt: '2022-03-10T10:00:00+08:00',
        }),
      );
      const timeline = await m.get(`/matters/${id}/timeline`, a.auditor).expect(200);
      const last = timeline.body[timeline.body.length - 1];
      expect(last).toMatchObject({
        type: 'HandlingActionRecorded',
        actor: { role: 'handler' },
        data: { unit: 'dept-housing', kind: 'site_visit', note: '到现场核实' },
      });
    });

    it('400 without a note or with an overlong kind; 422 before the assignment; 403 for another unit; 404 unknown', async () => {
      const id = await m.matterAt('assigned');
      await expectRefused(t, () => m.post(`/matters/${id}/actions`, a.handler, { kind: 'call' }), 400, 'note');
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/actions`, a.handler, { kind: 'k'.repeat(101), note: 'x' }),
        400,
        'kind',
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/actions`, a.handler, {
            kind: 'call',
            note: '电话',
            occurredAt: '2022-03-01T10:00:00+08:00',
          }),
        422,
        'occurred-before-previous-fact',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/actions`, a.otherHandler, { kind: 'call', note: '电话' }),
        403,
      );
      await expectRefused(t, () => m.post('/matters/NOPE/actions', a.handler, { kind: 'call', note: '电话' }), 404);
    });
  });

  describe('POST /matters/{id}/extensions', () => {
    it('extends the reply period once, by at most 30 days; a second extension is refused with 422', async () => {
      const id = await m.matterAt('accepted');
      await expectWritten(t, () =>
        m.post(`/matters/${id}/extensions`, a.handler, {
          days: 30,
          reason: '案情复杂',
          approvedBy: '副市长 张',
          occurredAt: '2022-04-20T10:00:00+08:00',
        }),
      );
      // DOMAIN.md: accepted 2022-03-05, 60 + 30 days → 2022-06-03 (端午节) → 2022-06-06.
      expect((await m.get(`/matters/${id}`, a.handler).expect(200)).body.deadlines).toEqual({ reply: '2022-06-06' });
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/extensions`, a.handler, {
            days: 5,
            reason: '再延',
            approvedBy: '副市长 张',
            occurredAt: '2022-04-21T10:00:00+08:00',
          }),
        422,
        'extension-already-granted',
      );
    });

    it.each([
      ['31 days (more than 30)', { days: 31 }, 'days'],
      ['0 days', { days: 0 }, 'days'],
      ['1.5 days', { days: 1.5 }, 'days'],
      ['days as a string', { days: '30' }, 'days'],
      ['no approval', { approvedBy: undefined }, 'approvedBy'],
      ['no reason', { reason: undefined }, 'reason'],
    ])('400 for %s', async (_name, overrides, field) => {
      const id = await m.matterAt('accepted');
      const res = await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/extensions`, a.handler, {
            days: 30,
            reason: '案情复杂',
            approvedBy: '副市长 张',
            ...overrides,
          }),
        400,
      );
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('422 before acceptance, after the reply, and after the reply period ended', async () => {
      const body = { days: 10, reason: '案情复杂', approvedBy: '副市长 张' };
      const assigned = await m.matterAt('assigned');
      await expectRefused(
        t,
        () => m.post(`/matters/${assigned}/extensions`, a.handler, body),
        422,
        'extension-not-pending',
      );
      const replied = await m.matterAt('replied');
      await expectRefused(
        t,
        () => m.post(`/matters/${replied}/extensions`, a.handler, body),
        422,
        'extension-not-pending',
      );
      // Accepted 2022-03-05: the reply period ends on 2022-05-05.
      const accepted = await m.matterAt('accepted');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${accepted}/extensions`, a.handler, { ...body, occurredAt: '2022-05-06T10:00:00+08:00' }),
        422,
        'extension-after-deadline',
      );
      await expectWritten(t, () =>
        m.post(`/matters/${accepted}/extensions`, a.handler, { ...body, occurredAt: '2022-05-05T20:00:00+08:00' }),
      );
    });
  });

  describe('POST /matters/{id}/replies', () => {
    it('replies to an accepted matter; the review window opens', async () => {
      const id = await m.matterAt('accepted');
      await expectWritten(t, () =>
        m.post(`/matters/${id}/replies`, a.handler, {
          outcome: 'partially_supported',
          note: '部分支持',
          occurredAt: AT.replied,
        }),
      );
      const view = await m.get(`/matters/${id}`, a.handler).expect(200);
      expect(view.body.status).toBe('replied');
      // DOMAIN.md: replied 2022-04-20 → review request by 2022-05-20 (a Friday).
      expect(view.body.deadlines).toEqual({ review_request: '2022-05-20' });
    });

    it('422 before acceptance and when already replied; 400 for an unknown outcome; 403 for another unit', async () => {
      const assigned = await m.matterAt('assigned');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${assigned}/replies`, a.handler, {
            outcome: 'supported',
            note: '答复',
            occurredAt: '2022-03-03T10:00:00+08:00',
          }),
        422,
        'reply-before-acceptance',
      );
      const replied = await m.matterAt('replied');
      await expectRefused(
        t,
        () => m.post(`/matters/${replied}/replies`, a.handler, { outcome: 'supported', note: '再答复' }),
        422,
        'already-replied',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${replied}/replies`, a.handler, { outcome: 'maybe', note: '答复' }),
        400,
        'outcome',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${replied}/replies`, a.otherHandler, { outcome: 'supported', note: '答复' }),
        403,
      );
      const accepted = await m.matterAt('accepted');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${accepted}/replies`, a.handler, {
            outcome: 'supported',
            note: '答复',
            occurredAt: '2022-03-04T10:00:00+08:00',
          }),
        422,
        'occurred-before-previous-fact',
      );
      await expectRefused(
        t,
        () => m.post('/matters/NOPE/replies', a.handler, { outcome: 'supported', note: '答复' }),
        404,
      );
    });
  });

  describe('POST /matters/{id}/evaluations', () => {
    it('records the petitioner’s evaluation of the reply once', async () => {
      const id = await m.matterAt('replied');
      await expectWritten(t, () =>
        m.post(`/matters/${id}/evaluations`, a.registrar, {
          result: 'basically_satisfied',
          occurredAt: '2022-04-21T10:00:00+08:00',
        }),
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/evaluations`, a.registrar, {
            result: 'satisfied',
            occurredAt: '2022-04-22T10:00:00+08:00',
          }),
        422,
        'already-evaluated',
      );
    });

    it('422 before the reply; 400 for an unknown result; 404 unknown', async () => {
      const id = await m.matterAt('accepted');
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/evaluations`, a.registrar, { result: 'satisfied' }),
        422,
        'evaluation-before-reply',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/evaluations`, a.registrar, { result: 'ecstatic' }),
        400,
        'result',
      );
      await expectRefused(t, () => m.post('/matters/NOPE/evaluations', a.registrar, { result: 'satisfied' }), 404);
    });
  });

  describe('POST /matters/{id}/reviews', () => {
    it('accepts a review request on the 30th day after the reply, and refuses it on the 31st', async () => {
      const onTime = await m.matterAt('replied');
      await expectWritten(t, () =>
        m.post(`/matters/${onTime}/reviews`, a.registrar, { stage: 'review', occurredAt: '2022-05-20T23:59:00+08:00' }),
      );
      expect((await m.get(`/matters/${onTime}`, a.analyst).expect(200)).body.status).toBe('under_review');
      const late = await m.matterAt('replied');
      // 2022-05-20T16:00Z is already 2022-05-21 in Shanghai.
      const res = await expectRefused(
        t,
        () => m.post(`/matters/${late}/reviews`, a.registrar, { stage: 'review', occurredAt: '2022-05-20T16:00:00Z' }),
        422,
        'review-window-closed',
      );
      expect(res.body.detail).toContain('2022-05-20');
    });

    it('422 before the reply, twice, a re-review before the review decision, and any review after final', async () => {
      const accepted = await m.matterAt('accepted');
      await expectRefused(
        t,
        () => m.post(`/matters/${accepted}/reviews`, a.registrar, { stage: 'review' }),
        422,
        'review-before-reply',
      );
      const underReview = await m.matterAt('under_review');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${underReview}/reviews`, a.registrar, {
            stage: 'review',
            occurredAt: '2022-05-11T10:00:00+08:00',
          }),
        422,
        'review-already-requested',
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${underReview}/reviews`, a.registrar, {
            stage: 're_review',
            occurredAt: '2022-05-11T10:00:00+08:00',
          }),
        422,
        're-review-before-review-decision',
      );
      const reviewed = await m.matterAt('reviewed');
      // Review decided 2022-05-20: a re-review can be asked for until 2022-06-20 (06-19 is a Sunday).
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${reviewed}/reviews`, a.registrar, {
            stage: 're_review',
            occurredAt: '2022-06-21T10:00:00+08:00',
          }),
        422,
        'review-window-closed',
      );
      const final = await m.matterAt('final');
      expect((await m.get(`/matters/${final}`, a.analyst).expect(200)).body.status).toBe('final');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${final}/reviews`, a.registrar, {
            stage: 're_review',
            occurredAt: '2022-06-21T10:00:00+08:00',
          }),
        422,
        'matter-final',
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${final}/reviews`, a.registrar, {
            stage: 'review',
            occurredAt: '2022-06-21T10:00:00+08:00',
          }),
        422,
        'matter-final',
      );
      await expectRefused(t, () => m.post(`/matters/${final}/reviews`, a.registrar, { stage: 'appeal' }), 400, 'stage');
    });
  });

  describe('POST /matters/{id}/reviews/decisions', () => {
    it('the leader decides a pending review; then the re-review; then the matter is final', async () => {
      const id = await m.matterAt('under_review');
      await expectWritten(t, () =>
        m.post(`/matters/${id}/reviews/decisions`, a.leader, {
          stage: 'review',
          outcome: 'upheld',
          note: '维持',
          occurredAt: AT.reviewDecided,
        }),
      );
      expect((await m.get(`/matters/${id}`, a.leader).expect(200)).body).toMatchObject({
        status: 'reviewed',
        deadlines: { re_review_request: '2022-06-20' },
      });
    });

    it('422 without a pending request of that stage, and after final; 400 without a note; 403 for a registrar', async () => {
      const replied = await m.matterAt('replied');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${replied}/reviews/decisions`, a.leader, {
            stage: 'review',
            outcome: 'upheld',
            note: '维持',
          }),
        422,
        'review-decision-without-request',
      );
      const underReview = await m.matterAt('under_review');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${underReview}/reviews/decisions`, a.leader, {
            stage: 're_review',
            outcome: 'upheld',
            note: '维持',
          }),
        422,
        'review-decision-without-request',
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${underReview}/reviews/decisions`, a.leader, {
            stage: 'review',
            outcome: 'upheld',
            note: '维持',
            occurredAt: '2022-05-09T10:00:00+08:00',
          }),
        422,
        'occurred-before-previous-fact',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${underReview}/reviews/decisions`, a.leader, { stage: 'review', outcome: 'upheld' }),
        400,
        'note',
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${underReview}/reviews/decisions`, a.registrar, {
            stage: 'review',
            outcome: 'upheld',
            note: '维持',
          }),
        403,
      );
      const final = await m.matterAt('final');
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${final}/reviews/decisions`, a.leader, {
            stage: 're_review',
            outcome: 'upheld',
            note: '维持',
          }),
        422,
        'matter-final',
      );
      await expectRefused(
        t,
        () => m.post('/matters/NOPE/reviews/decisions', a.leader, { stage: 'review', outcome: 'upheld', note: '维持' }),
        404,
      );
    });
  });

  describe('POST /matters/{id}/resolution', () => {
    it('records the resolution (化解) once', async () => {
      const id = await m.matterAt('replied');
      await expectWritten(t, () =>
        m.post(`/matters/${id}/resolution`, a.handler, {
          note: '工资已足额发放',
          occurredAt: '2022-04-25T10:00:00+08:00',
        }),
      );
      expect((await m.get(`/matters/${id}`, a.handler).expect(200)).body).toMatchObject({
        resolved: true,
        status: 'replied',
      });
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/resolution`, a.handler, { note: '再次' }),
        422,
        'already-resolved',
      );
    });

    it('400 without a note; 403 for another unit; 404 unknown; 422 dated before receipt', async () => {
      const id = await m.matterAt('assigned');
      await expectRefused(t, () => m.post(`/matters/${id}/resolution`, a.handler, {}), 400, 'note');
      await expectRefused(t, () => m.post(`/matters/${id}/resolution`, a.otherHandler, { note: '化解' }), 403);
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/resolution`, a.handler, { note: '化解', occurredAt: '2022-01-01T10:00:00+08:00' }),
        422,
        'occurred-before-previous-fact',
      );
      await expectRefused(t, () => m.post('/matters/NOPE/resolution', a.handler, { note: '化解' }), 404);
    });
  });

  describe('POST /matters/{id}/owners', () => {
    it('a leader takes ownership (包案); the same leader again is refused with 422', async () => {
      const id = await m.matterAt('registered');
      await expectWritten(t, () =>
        m.post(`/matters/${id}/owners`, a.leader, { leader: '市委副书记 张', occurredAt: '2022-03-02T09:00:00+08:00' }),
      );
      expect((await m.get(`/matters/${id}`, a.analyst).expect(200)).body.owner).toBe('市委副书记 张');
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/owners`, a.leader, { leader: '市委副书记 张' }),
        422,
        'owner-unchanged',
      );
      await expectWritten(t, () => m.post(`/matters/${id}/owners`, a.leader, { leader: '副市长 李' }));
    });

    it('400 without a leader; 403 for a registrar; 404 unknown', async () => {
      const id = await m.matterAt('registered');
      await expectRefused(t, () => m.post(`/matters/${id}/owners`, a.leader, { leader: '' }), 400, 'leader');
      await expectRefused(t, () => m.post(`/matters/${id}/owners`, a.registrar, { leader: '副市长 李' }), 403);
      await expectRefused(t, () => m.post('/matters/NOPE/owners', a.leader, { leader: '副市长 李' }), 404);
    });
  });

  describe('POST /matters/{id}/corrections', () => {
    it('corrects a field with a reason; both the correction and what it corrects stay on the timeline', async () => {
      const id = await m.matterAt('registered');
      await expectWritten(t, () =>
        m.post(`/matters/${id}/corrections`, a.registrar, {
          field: 'category',
          value: 'urban_rural_construction',
          reason: '登记时类别选错',
        }),
      );
      await expectWritten(t, () =>
        m.post(`/matters/${id}/corrections`, a.registrar, { field: 'subject', value: null, reason: '无具体项目' }),
      );
      await expectWritten(t, () =>
        m.post(`/matters/${id}/corrections`, a.registrar, {
          field: 'responsibleUnit',
          value: 'town-b',
          reason: '属地有误',
        }),
      );
      const view = await m.get(`/matters/${id}`, a.analyst).expect(200);
      expect(view.body).toMatchObject({
        category: 'urban_rural_construction',
        subject: null,
        responsibleUnit: 'town-b',
      });
      const timeline = await m.get(`/matters/${id}/timeline`, a.auditor).expect(200);
      expect(timeline.body.find((e: { type: string }) => e.type === 'CorrectionRecorded').data).toEqual({
        field: 'category',
        value: 'urban_rural_construction',
        previous: 'labour_social_security',
        reason: '登记时类别选错',
      });
    });

    it('400 for an uncorrectable field, an invalid category, an occurredAt; 422 for no change or an unknown unit', async () => {
      const id = await m.matterAt('registered');
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/corrections`, a.registrar, { field: 'status', value: 'final', reason: 'x' }),
        400,
        'field',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/corrections`, a.registrar, { field: 'category', value: 'weather', reason: 'x' }),
        400,
        'value-invalid',
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/corrections`, a.registrar, {
            field: 'summary',
            value: '新',
            reason: 'x',
            occurredAt: AT.opened,
          }),
        400,
        'occurredAt',
      );
      await expectRefused(
        t,
        () => m.post(`/matters/${id}/corrections`, a.registrar, { field: 'summary', value: '新' }),
        400,
        'reason',
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/corrections`, a.registrar, {
            field: 'category',
            value: 'labour_social_security',
            reason: 'x',
          }),
        422,
        'correction-unchanged',
      );
      await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/corrections`, a.registrar, {
            field: 'responsibleUnit',
            value: 'town-nowhere',
            reason: 'x',
          }),
        422,
        'unknown-unit',
      );
      await expectRefused(
        t,
        () => m.post('/matters/NOPE/corrections', a.registrar, { field: 'summary', value: '新', reason: 'x' }),
        404,
      );
    });
  });

  describe('GET /matters/{id} and its timeline', () => {
    it('has the fields API.md names, X-Ledger-Position, and 404 for an unknown matter', async () => {
      const id = await m.matterAt('accepted');
      const res = await m.get(`/matters/${id}`, a.registrar).expect(200);
      expect(res.headers['x-ledger-position']).toMatch(/^\d+$/);
      for (const key of [
        'id',
        'revision',
        'status',
        'category',
        'subject',
        'responsibleUnit',
        'assignedUnit',
        'petitioners',
        'contacts',
        'deadlines',
        'overdue',
        'owner',
      ]) {
        expect(res.body).toHaveProperty(key);
      }
      expect(res.body.revision).toBe(3);
      expectProblem(await m.get('/matters/NOPE', a.registrar), 404, 'NOPE');
      expectProblem(await m.get('/matters/NOPE/timeline', a.auditor), 404);
      expectProblem(await m.get(`/matters/${id}?minPosition=abc`, a.auditor), 400, 'minPosition');
      expectProblem(await m.get(`/matters/${id}?verbose=1`, a.auditor), 400, 'verbose');
    });

    it('records each full showing of personal data as PersonalDataViewed on pd-access-<id>; a masked view records nothing', async () => {
      const id = await m.matterAt('assigned');
      const petitionerId = await m.petitionerOf(id);
      await m.get(`/matters/${id}`, a.leader).expect(200);
      await m.get(`/matters/${id}`, a.analyst).expect(200);
      const readings = await t.store().readStream(`pd-access-${id}`);
      expect(readings.map((e) => [e.type, e.actor.role, e.data])).toEqual([
        ['PersonalDataViewed', 'registrar', { matterId: id, petitionerIds: [petitionerId] }],
        ['PersonalDataViewed', 'leader', { matterId: id, petitionerIds: [petitionerId] }],
      ]);
      expect(readings[1].correlationId).toEqual(expect.any(String));
    });

    it('is overdue when a duty is past its last day', async () => {
      const id = await m.matterAt('assigned');
      const res = await m.get(`/matters/${id}`, a.analyst).expect(200);
      expect(res.body).toMatchObject({ overdue: true, overdueSteps: ['acceptance'] });
    });

    it('the timeline lists every event with position, revision, type, both clocks, actor and hash', async () => {
      const id = await m.matterAt('replied');
      const res = await m.get(`/matters/${id}/timeline`, a.leader).expect(200);
      expect(res.headers['x-ledger-position']).toMatch(/^\d+$/);
      expect(res.body.map((e: { type: string }) => e.type)).toEqual([
        'MatterOpened',
        'ContactRecorded',
        'MatterAssigned',
        'AcceptanceDecided',
        'ReplyIssued',
      ]);
      expect(res.body.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(res.body.map((e: { actor: { role: string } }) => e.actor.role)).toEqual([
        'registrar',
        'registrar',
        'registrar',
        'handler',
        'handler',
      ]);
      // occurredAt is the instant as the client gave it (back-dated here); recordedAt is the server's clock.
      expect(res.body[3].occurredAt).toBe(AT.accepted);
      expect(Date.parse(res.body[3].recordedAt)).toBeGreaterThan(Date.parse('2024-01-01'));
    });
  });

  describe('the statutory clock through GET /matters/{id} (DOMAIN.md worked examples)', () => {
    const opened = (occurredAt: string) => m.matterOn({ opened: occurredAt }, m.nextId('CLOCK'));
    const deadlinesOf = async (id: string) => (await m.get(`/matters/${id}`, a.analyst).expect(200)).body.deadlines;

    it('received 2022-01-28 → transfer by 2022-02-14 (2022-02-12 is a Saturday)', async () => {
      expect(await deadlinesOf(await opened('2022-01-28T10:00:00+08:00'))).toEqual({ transfer: '2022-02-14' });
    });

    it('an instant at 16:00Z is already the next day in Shanghai: 2022-01-27T16:00Z counts as received 2022-01-28', async () => {
      expect(await deadlinesOf(await opened('2022-01-27T16:00:00Z'))).toEqual({ transfer: '2022-02-14' });
      expect(await deadlinesOf(await opened('2022-01-27T15:59:59Z'))).toEqual({ transfer: '2022-02-11' });
    });

    it('transfer received 2022-04-29 → remit return by 2022-05-10 (5 working days with the make-up day)', async () => {
      const id = await m.matterOn(
        { opened: '2022-04-28T10:00:00+08:00', transferred: '2022-04-29T10:00:00+08:00' },
        m.nextId('CLOCK'),
      );
      expect((await deadlinesOf(id)).remit_return).toBe('2022-05-10');
    });

    it('accepted 2022-01-06 → reply by 2022-03-07 (a Monday); accepted 2022-03-05 → 2022-05-05 (劳动节)', async () => {
      const id = await m.matterOn(
        {
          opened: '2022-01-04T10:00:00+08:00',
          transferred: '2022-01-05T10:00:00+08:00',
          accepted: '2022-01-06T10:00:00+08:00',
        },
        m.nextId('CLOCK'),
      );
      expect(await deadlinesOf(id)).toEqual({ reply: '2022-03-07' });
      expect(await deadlinesOf(await m.matterAt('accepted'))).toEqual({ reply: '2022-05-05' });
    });

    it('accepted 2026-08-06 → reply by 2026-10-08: day 60 is 2026-10-05, inside 国庆节 (10-01 to 10-07)', async () => {
      const id = await m.matterOn(
        {
          opened: '2026-08-03T10:00:00+08:00',
          transferred: '2026-08-04T10:00:00+08:00',
          accepted: '2026-08-06T10:00:00+08:00',
        },
        m.nextId('CLOCK'),
      );
      const view = (await m.get(`/matters/${id}`, a.analyst).expect(200)).body;
      expect(view.deadlines).toEqual({ reply: '2026-10-08' });
      // 2026 is in the official calendar: nothing was assumed.
      expect(view.deadlineDetails.find((d: { step: string }) => d.step === 'reply').assumedYears).toBeUndefined();
    });

    it('a refused step names its last day: an extension on 2022-03-08 for a matter accepted 2022-01-06 is too late', async () => {
      const id = await m.matterOn(
        {
          opened: '2022-01-04T10:00:00+08:00',
          transferred: '2022-01-05T10:00:00+08:00',
          accepted: '2022-01-06T10:00:00+08:00',
        },
        m.nextId('CLOCK'),
      );
      const res = await expectRefused(
        t,
        () =>
          m.post(`/matters/${id}/extensions`, a.handler, {
            days: 30,
            reason: '复杂',
            approvedBy: '副市长 张',
            occurredAt: '2022-03-08T09:00:00+08:00',
          }),
        422,
        'extension-after-deadline',
      );
      expect(res.body.detail).toContain('2022-03-07');
    });
  });
});
