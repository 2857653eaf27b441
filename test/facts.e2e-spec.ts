import request from 'supertest';
import { Actors, auth, openMatterBody, seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

describe('the other facts (API.md "Other facts") through the HTTP API', () => {
  let t: TestApp;
  let a: Actors;
  beforeAll(async () => {
    t = await startTestApp();
    a = await seedActors(t);
    await t
      .http()
      .post('/api/v1/matters')
      .set(auth(a.registrar))
      .send(openMatterBody({ id: 'XF-F1' }))
      .expect(201);
    await t
      .http()
      .post('/api/v1/matters')
      .set(auth(a.registrar))
      .send(openMatterBody({ id: 'XF-F2' }))
      .expect(201);
  });
  afterAll(() => t.close());

  const post = (path: string, token: string | null, body: object) => {
    const req = t.http().post(`/api/v1${path}`);
    return (token ? req.set(auth(token)) : req).send(body);
  };

  /** A refused request: its status, a problem document, and nothing appended to the ledger. */
  async function refused(send: () => request.Test, status: number): Promise<request.Response> {
    const before = await t.eventCount();
    const res = await send().expect(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.status).toBe(status);
    expect(await t.eventCount()).toBe(before);
    return res;
  }

  const fieldsOf = (res: request.Response) => (res.body.errors as { field: string }[]).map((e) => e.field);
  const written = { id: expect.any(String), revision: 0, position: expect.stringMatching(/^\d+$/) };

  describe('POST /receptions (领导接访)', () => {
    const reception = {
      occurredAt: '2022-04-06T09:00:00+08:00',
      leader: '市委书记',
      batches: 3,
      persons: 14,
      resolvedOnSiteBatches: 1,
      resolvedOnSitePersons: 10,
    };

    it('is recorded by a registrar or a leader, one stream per reception with a generated id', async () => {
      const first = await post('/receptions', a.registrar, reception).expect(201);
      expect(first.body).toEqual(written);
      expect(first.body.id).toMatch(/^RC\d{8}-[A-Za-z0-9_-]{8}$/);
      const second = await post('/receptions', a.leader, reception).expect(201);
      expect(second.body.id).not.toBe(first.body.id);
      expect(BigInt(second.body.position)).toBeGreaterThan(BigInt(first.body.position));
      const events = await t.store().readStream(`reception-${first.body.id}`);
      expect(events.map((e) => [e.type, e.occurredAt, e.actor.role])).toEqual([
        ['ReceptionRecorded', reception.occurredAt, 'registrar'],
      ]);
      expect(events[0].data).toEqual({
        leader: '市委书记',
        batches: 3,
        persons: 14,
        resolvedOnSiteBatches: 1,
        resolvedOnSitePersons: 10,
      });
    });

    it('answers a retried request with the same Idempotency-Key with the first result, appending nothing', async () => {
      const first = await post('/receptions', a.registrar, reception).set('Idempotency-Key', 'rc-1').expect(201);
      const before = await t.eventCount();
      const again = await post('/receptions', a.registrar, reception).set('Idempotency-Key', 'rc-1').expect(201);
      expect(again.body).toEqual(first.body);
      expect(await t.eventCount()).toBe(before);
      await refused(
        () => post('/receptions', a.registrar, { ...reception, batches: 2 }).set('Idempotency-Key', 'rc-1'),
        409,
      );
    });

    it('refuses the wrong roles and a missing token', async () => {
      await refused(() => post('/receptions', a.handler, reception), 403);
      await refused(() => post('/receptions', a.analyst, reception), 403);
      await refused(() => post('/receptions', a.auditor, reception), 403);
      await refused(() => post('/receptions', null, reception), 401);
    });

    it('refuses counts that cannot be, unknown fields and bad instants with a 400 naming the field', async () => {
      expect(
        fieldsOf(await refused(() => post('/receptions', a.registrar, { ...reception, persons: 2 }), 400)),
      ).toEqual(['persons']);
      expect(
        fieldsOf(
          await refused(() => post('/receptions', a.registrar, { ...reception, resolvedOnSiteBatches: 4 }), 400),
        ),
      ).toEqual(['resolvedOnSiteBatches']);
      expect(
        fieldsOf(await refused(() => post('/receptions', a.registrar, { ...reception, batches: -1 }), 400)),
      ).toContain('batches');
      expect(
        fieldsOf(await refused(() => post('/receptions', a.registrar, { ...reception, batches: 1.5 }), 400)),
      ).toContain('batches');
      expect(
        fieldsOf(await refused(() => post('/receptions', a.registrar, { ...reception, venue: '信访局' }), 400)),
      ).toEqual(['venue']);
      const { leader: _leader, ...noLeader } = reception;
      expect(fieldsOf(await refused(() => post('/receptions', a.registrar, noLeader), 400))).toContain('leader');
      await refused(() => post('/receptions', a.registrar, { ...reception, occurredAt: '2022-04-06T09:00:00' }), 400);
      const future = await refused(
        () => post('/receptions', a.registrar, { ...reception, occurredAt: '2999-01-01T09:00:00+08:00' }),
        400,
      );
      expect(future.body.rule).toBe('occurred-in-future');
    });
  });

  describe('POST /screenings (矛盾纠纷排查) and /risk-assessments', () => {
    it('records a screening of a registered unit', async () => {
      const res = await post('/screenings', a.leader, {
        unit: 'town-a',
        occurredAt: '2022-04-15T17:00:00+08:00',
        found: 40,
        resolved: 33,
      }).expect(201);
      expect(res.body).toEqual(written);
      expect(res.body.id).toMatch(/^SC/);
      const [event] = await t.store().readStream(`screening-${res.body.id}`);
      expect(event.data).toEqual({ unit: 'town-a', found: 40, resolved: 33 });
    });

    it('refuses more resolved than found (400) and an unknown unit (422)', async () => {
      const over = await refused(
        () => post('/screenings', a.registrar, { unit: 'town-a', found: 5, resolved: 6 }),
        400,
      );
      expect(fieldsOf(over)).toEqual(['resolved']);
      const unknown = await refused(
        () => post('/screenings', a.registrar, { unit: 'town-zz', found: 5, resolved: 5 }),
        422,
      );
      expect(unknown.body).toMatchObject({ rule: 'unknown-unit', errors: [{ field: 'unit' }] });
      await refused(() => post('/screenings', a.handler, { unit: 'town-a', found: 5, resolved: 5 }), 403);
    });

    it('records a risk assessment, passed or not, and refuses one without a verdict', async () => {
      const res = await post('/risk-assessments', a.registrar, {
        project: '城北棚改',
        occurredAt: '2022-05-10T10:00:00+08:00',
        passed: false,
      }).expect(201);
      expect(res.body.id).toMatch(/^RA/);
      const [event] = await t.store().readStream(`risk_assessment-${res.body.id}`);
      expect(event).toMatchObject({ type: 'RiskAssessmentRecorded', data: { project: '城北棚改', passed: false } });
      expect(
        fieldsOf(await refused(() => post('/risk-assessments', a.registrar, { project: '城北棚改' }), 400)),
      ).toEqual(['passed']);
      expect(
        fieldsOf(await refused(() => post('/risk-assessments', a.registrar, { project: '', passed: true }), 400)),
      ).toEqual(['project']);
      await refused(() => post('/risk-assessments', a.analyst, { project: 'x', passed: true }), 403);
    });
  });

  describe('POST /campaigns and /campaigns/{id}/cases (积案化解)', () => {
    const campaign = {
      id: 'backlog-2022',
      name: '重复信访积案专项治理',
      occurredAt: '2022-02-20T09:00:00+08:00',
      targets: [
        { by: '2022-06-30', rate: 80 },
        { by: '2022-07-31', rate: 90 },
      ],
    };

    it('launches a campaign once, on stream campaign-<id>', async () => {
      expect((await post('/campaigns', a.leader, campaign).expect(201)).body).toEqual({
        ...written,
        id: 'backlog-2022',
      });
      const conflict = await refused(() => post('/campaigns', a.registrar, campaign), 409);
      expect(conflict.body.currentRevision).toBe(0);
      const [event] = await t.store().readStream('campaign-backlog-2022');
      expect(event).toMatchObject({
        type: 'CampaignLaunched',
        occurredAt: campaign.occurredAt,
        data: { campaignId: 'backlog-2022', targets: campaign.targets },
      });
    });

    it('refuses targets that do not rise, rates outside (0, 100], bad dates and ids', async () => {
      const reversed = await refused(
        () => post('/campaigns', a.leader, { ...campaign, id: 'c2', targets: [...campaign.targets].reverse() }),
        400,
      );
      expect(reversed.body.rule).toBe('value-invalid');
      await refused(
        () => post('/campaigns', a.leader, { ...campaign, id: 'c2', targets: [{ by: '2022-06-30', rate: 120 }] }),
        400,
      );
      await refused(
        () => post('/campaigns', a.leader, { ...campaign, id: 'c2', targets: [{ by: '2022-06-31', rate: 80 }] }),
        400,
      );
      await refused(
        () =>
          post('/campaigns', a.leader, { ...campaign, id: 'c2', targets: [{ by: '2022-06-30', rate: 80, extra: 1 }] }),
        400,
      );
      await refused(() => post('/campaigns', a.leader, { ...campaign, id: 'c 2' }), 400);
      await refused(() => post('/campaigns', a.handler, { ...campaign, id: 'c2' }), 403);
    });

    it('adds existing matters to it, each once, back-dated if need be', async () => {
      const added = await post('/campaigns/backlog-2022/cases', a.registrar, {
        matterId: 'XF-F1',
        assignedBy: 'province',
        occurredAt: '2022-02-21T09:00:00+08:00',
      }).expect(201);
      expect(added.body).toEqual({ id: 'backlog-2022', revision: 1, position: expect.stringMatching(/^\d+$/) });
      const twice = await refused(
        () => post('/campaigns/backlog-2022/cases', a.registrar, { matterId: 'XF-F1', assignedBy: 'central' }),
        422,
      );
      expect(twice.body.rule).toBe('case-already-added');
      const unknown = await refused(
        () => post('/campaigns/backlog-2022/cases', a.registrar, { matterId: 'XF-NONE', assignedBy: 'central' }),
        422,
      );
      expect(unknown.body).toMatchObject({ rule: 'unknown-matter', errors: [{ field: 'matterId' }] });
      await refused(
        () => post('/campaigns/nope/cases', a.registrar, { matterId: 'XF-F2', assignedBy: 'central' }),
        404,
      );
      await refused(
        () => post('/campaigns/backlog-2022/cases', a.registrar, { matterId: 'XF-F2', assignedBy: 'county' }),
        400,
      );
      const early = await refused(
        () =>
          post('/campaigns/backlog-2022/cases', a.registrar, {
            matterId: 'XF-F2',
            assignedBy: 'central',
            occurredAt: '2022-01-01T09:00:00+08:00',
          }),
        422,
      );
      expect(early.body.rule).toBe('occurred-before-previous-fact');
      await refused(
        () =>
          post('/campaigns/backlog-2022/cases', a.registrar, {
            matterId: 'XF-F2',
            assignedBy: 'central',
            occurredAt: '2999-01-01T09:00:00+08:00',
          }),
        400,
      );
      await refused(
        () => post('/campaigns/backlog-2022/cases', a.handler, { matterId: 'XF-F2', assignedBy: 'central' }),
        403,
      );
    });
  });

  describe('POST /meetings (研判会)', () => {
    const meeting = {
      id: '2022-W14',
      kind: 'weekly_judgment',
      occurredAt: '2022-04-04T09:00:00+08:00',
      chair: '市委书记',
      decisions: [{ matterId: 'XF-F1', decision: '三日内入户走访', unit: 'town-a', dueBy: '2022-04-08' }],
    };

    it('records a meeting and its decisions on stream meeting-<id>, the id generated if not given', async () => {
      expect((await post('/meetings', a.leader, meeting).expect(201)).body).toEqual({ ...written, id: '2022-W14' });
      const [event] = await t.store().readStream('meeting-2022-W14');
      expect(event.data).toEqual({
        meetingId: '2022-W14',
        kind: 'weekly_judgment',
        chair: '市委书记',
        decisions: meeting.decisions,
      });
      const { id: _id, ...withoutId } = meeting;
      const generated = await post('/meetings', a.registrar, { ...withoutId, decisions: [] }).expect(201);
      expect(generated.body.id).toMatch(/^MT/);
      await refused(() => post('/meetings', a.leader, meeting), 409);
    });

    it('refuses decisions on unknown matters or units (422) and impossible dates (400)', async () => {
      const base = { ...meeting, id: 'W15' };
      const matter = await refused(
        () => post('/meetings', a.leader, { ...base, decisions: [{ ...meeting.decisions[0], matterId: 'XF-NONE' }] }),
        422,
      );
      expect(matter.body).toMatchObject({ rule: 'unknown-matter', errors: [{ field: 'decisions[0].matterId' }] });
      const unit = await refused(
        () => post('/meetings', a.leader, { ...base, decisions: [{ ...meeting.decisions[0], unit: 'town-zz' }] }),
        422,
      );
      expect(unit.body).toMatchObject({ rule: 'unknown-unit', errors: [{ field: 'decisions[0].unit' }] });
      const date = await refused(
        () => post('/meetings', a.leader, { ...base, decisions: [{ ...meeting.decisions[0], dueBy: '2022-04-31' }] }),
        400,
      );
      expect(fieldsOf(date)).toEqual(['decisions[0].dueBy']);
      await refused(() => post('/meetings', a.leader, { ...base, kind: 'party' }), 400);
      await refused(() => post('/meetings', a.handler, base), 403);
    });
  });

  describe('POST /accountability (约谈 / 通报批评)', () => {
    const action = {
      kind: 'summons',
      unit: 'town-a',
      person: '镇长 王',
      grounds: { ranking: '2022-04', matters: ['XF-F1'] },
      occurredAt: '2022-05-05T10:00:00+08:00',
    };

    it('is recorded by a leader (or admin), grounded on a ranking, a bulletin or matters', async () => {
      const res = await post('/accountability', a.leader, action).expect(201);
      expect(res.body.id).toMatch(/^AC/);
      const [event] = await t.store().readStream(`accountability-${res.body.id}`);
      expect(event.data).toEqual({
        kind: 'summons',
        unit: 'town-a',
        person: '镇长 王',
        grounds: { ranking: '2022-04', matters: ['XF-F1'] },
      });
      await post('/accountability', a.admin, {
        kind: 'criticism',
        unit: 'town-b',
        grounds: { bulletin: '2022-04-H2' },
      }).expect(201);
    });

    it('is refused to a registrar, without grounds, or naming what does not exist', async () => {
      await refused(() => post('/accountability', a.registrar, action), 403);
      const none = await refused(() => post('/accountability', a.leader, { ...action, grounds: {} }), 400);
      expect(none.body).toMatchObject({ rule: 'value-required', errors: [{ field: 'grounds' }] });
      await refused(() => post('/accountability', a.leader, { ...action, grounds: { ranking: 'April' } }), 400);
      await refused(() => post('/accountability', a.leader, { ...action, grounds: { bulletin: '2022-04-H3' } }), 400);
      await refused(() => post('/accountability', a.leader, { ...action, kind: 'fine' }), 400);
      const unit = await refused(() => post('/accountability', a.leader, { ...action, unit: 'town-zz' }), 422);
      expect(unit.body.rule).toBe('unknown-unit');
      const matter = await refused(
        () => post('/accountability', a.leader, { ...action, grounds: { matters: ['XF-F1', 'XF-NONE'] } }),
        422,
      );
      expect(matter.body).toMatchObject({ rule: 'unknown-matter', errors: [{ field: 'grounds.matters[1]' }] });
    });
  });

  it('projects every recorded fact into the overview of its dates', async () => {
    const res = await t
      .http()
      .get('/api/v1/reports/overview?from=2022-01-01&to=2022-06-30')
      .set(auth(a.analyst))
      .expect(200);
    // Three receptions of 3 batches: two plain (one by a leader) and one retried with its Idempotency-Key, counted once.
    expect(res.body.receptions).toEqual({
      batches: 9,
      persons: 42,
      resolvedOnSiteBatches: 3,
      resolvedOnSitePersons: 30,
      byLeader: [{ leader: '市委书记', batches: 9, persons: 42, resolvedOnSiteBatches: 3, resolvedOnSitePersons: 30 }],
    });
    expect(res.body.screenings).toEqual({ found: 40, resolved: 33, rate: 82.5 });
    expect(res.body.riskAssessments).toEqual({ total: 1, passed: 0 });
    expect(res.body.accountability).toEqual({ summons: 1, criticism: 0 });
    expect(res.body.campaigns).toEqual([
      { id: 'backlog-2022', name: '重复信访积案专项治理', assigned: 1, resolved: 0, rate: 0 },
    ]);
  });
});
