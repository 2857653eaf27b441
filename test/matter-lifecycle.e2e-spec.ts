import { Actors, auth, openMatterBody, PERSON, seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

describe('a matter from the first visit to final, through the HTTP API', () => {
  let t: TestApp;
  let a: Actors;
  beforeAll(async () => {
    t = await startTestApp();
    a = await seedActors(t);
  });
  afterAll(() => t.close());

  const post = (path: string, token: string, body: object) =>
    t.http().post(`/api/v1/matters${path}`).set(auth(token)).send(body);

  it('takes a matter through every step, refusing each wrong move with a 422 naming the rule', async () => {
    const opened = await post('', a.registrar, openMatterBody({ id: 'XF-1' })).expect(201);
    expect(opened.body).toEqual({ id: 'XF-1', revision: 1, position: expect.stringMatching(/^\d+$/) });

    // A reply before acceptance is refused, and appends nothing.
    await post('/XF-1/assignments', a.registrar, {
      unit: 'dept-housing',
      mode: 'transfer',
      occurredAt: '2022-03-02T10:00:00+08:00',
    }).expect(201);
    const before = await t.eventCount();
    const early = await post('/XF-1/replies', a.handler, {
      outcome: 'supported',
      note: '答复',
      occurredAt: '2022-03-03T10:00:00+08:00',
    }).expect(422);
    expect(early.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(early.body.detail).toMatch(/reply-before-acceptance/);
    expect(await t.eventCount()).toBe(before);

    await post('/XF-1/acceptance', a.handler, { accepted: true, occurredAt: '2022-03-05T10:00:00+08:00' }).expect(201);
    await post('/XF-1/actions', a.handler, {
      kind: 'site_visit',
      note: '现场核实',
      occurredAt: '2022-03-10T10:00:00+08:00',
    }).expect(201);
    await post('/XF-1/extensions', a.handler, {
      days: 30,
      reason: '案情复杂',
      approvedBy: '副市长 张',
      occurredAt: '2022-04-20T10:00:00+08:00',
    }).expect(201);
    const second = await post('/XF-1/extensions', a.handler, {
      days: 5,
      reason: '再延',
      approvedBy: '副市长 张',
      occurredAt: '2022-04-21T10:00:00+08:00',
    }).expect(422);
    expect(second.body.detail).toMatch(/extension-already-granted/);

    const matter = await t.http().get('/api/v1/matters/XF-1').set(auth(a.registrar)).expect(200);
    // DOMAIN.md: accepted 2022-03-05, 60 days + 30 extension → 2022-06-03 is 端午节 → 2022-06-06.
    expect(matter.body.deadlines.reply).toBe('2022-06-06');
    expect(matter.body.status).toBe('accepted');

    await post('/XF-1/replies', a.handler, {
      outcome: 'supported',
      note: '已督促支付',
      occurredAt: '2022-04-25T10:00:00+08:00',
    }).expect(201);
    await post('/XF-1/evaluations', a.registrar, {
      result: 'dissatisfied',
      occurredAt: '2022-04-26T10:00:00+08:00',
    }).expect(201);
    await post('/XF-1/reviews', a.registrar, { stage: 'review', occurredAt: '2022-05-10T10:00:00+08:00' }).expect(201);
    await post('/XF-1/reviews/decisions', a.leader, {
      stage: 'review',
      outcome: 'upheld',
      note: '维持',
      occurredAt: '2022-05-20T10:00:00+08:00',
    }).expect(201);
    await post('/XF-1/reviews', a.registrar, { stage: 're_review', occurredAt: '2022-06-01T10:00:00+08:00' }).expect(
      201,
    );
    await post('/XF-1/reviews/decisions', a.leader, {
      stage: 're_review',
      outcome: 'upheld',
      note: '维持',
      occurredAt: '2022-06-20T10:00:00+08:00',
    }).expect(201);
    const further = await post('/XF-1/reviews', a.registrar, {
      stage: 'review',
      occurredAt: '2022-06-21T10:00:00+08:00',
    }).expect(422);
    expect(further.body.detail).toMatch(/matter-final|review-already-requested/);

    const final = await t.http().get('/api/v1/matters/XF-1').set(auth(a.leader)).expect(200);
    expect(final.body).toMatchObject({
      id: 'XF-1',
      status: 'final',
      assignedUnit: 'dept-housing',
      responsibleUnit: 'town-a',
    });
    expect(final.headers['x-ledger-position']).toMatch(/^\d+$/);

    const timeline = await t.http().get('/api/v1/matters/XF-1/timeline').set(auth(a.auditor)).expect(200);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual([
      'MatterOpened',
      'ContactRecorded',
      'MatterAssigned',
      'AcceptanceDecided',
      'HandlingActionRecorded',
      'DeadlineExtended',
      'ReplyIssued',
      'SatisfactionEvaluated',
      'ReviewRequested',
      'ReviewDecided',
      'ReviewRequested',
      'ReviewDecided',
    ]);
    for (const entry of timeline.body) {
      expect(entry).toEqual({
        position: expect.stringMatching(/^\d+$/),
        revision: expect.any(Number),
        type: expect.any(String),
        occurredAt: expect.any(String),
        recordedAt: expect.any(String),
        actor: { id: expect.any(String), role: expect.any(String) },
        data: expect.anything(),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
    expect(timeline.body[3].actor.role).toBe('handler');
    expect(JSON.stringify(timeline.body)).not.toContain(PERSON.name);
  });

  it('shows personal data in full to a registrar, masked to an analyst, and never to the unit complained about', async () => {
    await post('', a.registrar, openMatterBody({ id: 'XF-2', responsibleUnit: 'town-a' })).expect(201);
    await post('/XF-2/assignments', a.registrar, {
      unit: 'town-a',
      mode: 'assign',
      occurredAt: '2022-03-02T10:00:00+08:00',
    }).expect(201);
    const full = await t.http().get('/api/v1/matters/XF-2').set(auth(a.registrar)).expect(200);
    expect(full.body.petitioners[0]).toMatchObject({
      name: PERSON.name,
      phone: PERSON.phone,
      idNumber: PERSON.idNumber,
    });
    const masked = await t.http().get('/api/v1/matters/XF-2').set(auth(a.analyst)).expect(200);
    expect(masked.body.petitioners[0]).toMatchObject({
      name: '张**',
      phone: '138****5678',
      idNumber: '110101********123X',
    });
    const withheld = await t.http().get('/api/v1/matters/XF-2').set(auth(a.responsibleHandler)).expect(200);
    expect(withheld.body.petitioners[0]).toMatchObject({
      name: null,
      phone: null,
      idNumber: null,
      visibility: 'withheld',
    });
    expect(JSON.stringify(withheld.body)).not.toContain('5678');
    await t.http().get('/api/v1/matters/XF-2').set(auth(a.otherHandler)).expect(403);
  });

  it('keeps no personal data in plaintext in the ledger file', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(`${t.dataDir}/ledger.sqlite`);
    const wal = readFileSync(`${t.dataDir}/ledger.sqlite-wal`);
    for (const file of [bytes, wal]) {
      expect(file.includes(Buffer.from(PERSON.phone))).toBe(false);
      expect(file.includes(Buffer.from(PERSON.name))).toBe(false);
    }
  });

  it('erases a petitioner: the key is destroyed, the matter and its history stay', async () => {
    const matter = await t.http().get('/api/v1/matters/XF-2').set(auth(a.registrar)).expect(200);
    const petitionerId = matter.body.petitioners[0].id;
    await t
      .http()
      .post(`/api/v1/petitioners/${petitionerId}/erasure`)
      .set(auth(a.registrar))
      .send({ reason: 'x' })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/petitioners/${petitionerId}/erasure`)
      .set(auth(a.admin))
      .send({ reason: '保存期限届满' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/petitioners/${petitionerId}/erasure`)
      .set(auth(a.admin))
      .send({ reason: 'again' })
      .expect(409);
    await t.http().post('/api/v1/petitioners/pet-unknown/erasure').set(auth(a.admin)).send({ reason: 'x' }).expect(404);
    const after = await t.http().get('/api/v1/matters/XF-2').set(auth(a.registrar)).expect(200);
    expect(after.body.petitioners[0]).toMatchObject({ id: petitionerId, name: null, visibility: 'erased' });
    expect(after.body.status).toBe('assigned');
  });
});
