import { addDays } from '@app/domain';
import type { WorkReport } from '@app/projections';
import { SEED_SECTION_TWO, SEED_SECTION_TWO_PHRASES } from '@app/projections/testing';
import { Actors, seedActors } from './support/actors';
import { expectProblem, expectRefused, MatterApi } from './support/matter-api';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Section 二 of the example work report (../shared/seed/000_aa17c6b9e2b213e4.txt),
 * 2022-01-01..2022-06-30, entered the way the bureau would: every fact a request to
 * the HTTP API by the role API.md names. 市委书记批示15件次, 周研判会22次 with 21 cases
 * judged (20 resolved, one back again: 95.24 %, "95％以上"), 联席会议5次, 上三级交办59件
 * all replied by the assigner's date (100 %), 短信访26件, 复查复核办结4件.
 */

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const LEVELS = ['central', 'province', 'prefecture'] as const;

describe('the work report on a fixture built from the seed report’s section 二, through the HTTP API', () => {
  let t: TestApp;
  let a: Actors;
  let api: MatterApi;
  let report: WorkReport;

  /** A write that must succeed; the test stops at the first refusal with its problem. */
  async function write(path: string, token: string, body: object): Promise<string> {
    const res = await api.post(path, token, body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.position as string;
  }

  async function open(id: string, on: string, channel: string, category = 'labour_social_security') {
    await write('/matters', a.registrar, {
      id,
      category,
      responsibleUnit: 'town-a',
      summary: '诉求',
      petitioners: [],
      contact: { occurredAt: at(on, '09:00'), channel, headcount: 1 },
    });
  }

  /** Assigned to town-a the day it came and accepted there the day after. */
  async function assignAndAccept(id: string, on: string) {
    await write(`/matters/${id}/assignments`, a.registrar, {
      unit: 'town-a',
      mode: 'assign',
      occurredAt: at(on, '16:00'),
    });
    await write(`/matters/${id}/acceptance`, a.responsibleHandler, { accepted: true, occurredAt: at(addDays(on, 1)) });
  }

  const reply = (id: string, on: string) =>
    write(`/matters/${id}/replies`, a.responsibleHandler, { outcome: 'supported', note: '已答复', occurredAt: at(on) });

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedActors(t);
    api = new MatterApi(t, a);

    // 批示: 15, one every ten days from 6 January, by a leader or entered by the registrar.
    for (let i = 0; i < 15; i++) {
      await write('/instructions', i % 2 ? a.leader : a.registrar, {
        leader: '市委书记',
        occurredAt: at(addDays('2022-01-06', i * 10)),
        ...(i % 2 ? { subject: '紫悦华府' } : {}),
        text: '抓紧化解',
      });
    }

    // 上三级交办: 59 visits assigned from above the day they came, due 40 days on, replied after 20.
    for (let i = 0; i < 59; i++) {
      const on = addDays('2022-01-04', i * 2);
      const id = `U${i}`;
      await open(id, on, 'visit', 'appeals');
      await write(`/matters/${id}/upper-assignments`, i % 2 ? a.leader : a.registrar, {
        level: LEVELS[i % 3],
        documentRef: `交办〔2022〕${i + 1}号`,
        dueBy: addDays(on, 40),
        occurredAt: at(on, '15:00'),
      });
      await assignAndAccept(id, on);
      await reply(id, addDays(on, 20));
    }

    // 周研判: 22 weekly meetings judging 21 cases; J0..J19 resolved after their meeting, J20 came back.
    for (let i = 0; i < 21; i++) {
      await open(`J${i}`, '2022-01-03', 'visit', 'land_resources');
      await assignAndAccept(`J${i}`, '2022-01-03');
    }
    for (let w = 0; w < 22; w++) {
      const on = addDays('2022-01-07', w * 7);
      await write('/meetings', a.leader, {
        kind: 'weekly_judgment',
        occurredAt: at(on),
        chair: '市委书记',
        decisions: w < 21 ? [{ matterId: `J${w}`, decision: '包案化解', unit: 'town-a', dueBy: addDays(on, 14) }] : [],
      });
      if (w < 20) {
        await write(`/matters/J${w}/resolution`, a.responsibleHandler, {
          note: '已化解',
          occurredAt: at(addDays(on, 3)),
        });
      }
    }
    await write('/matters/J20/contacts', a.registrar, { contact: { occurredAt: at('2022-06-20'), channel: 'visit' } });
    // 联席会议 5 and the mayor's 7 other meetings.
    for (let j = 0; j < 5; j++) {
      await write('/meetings', a.registrar, {
        kind: 'joint',
        occurredAt: at(addDays('2022-01-20', j * 30)),
        chair: '市委书记',
        decisions: [],
      });
    }
    for (let j = 0; j < 7; j++) {
      await write('/meetings', a.leader, {
        kind: 'other',
        occurredAt: at(addDays('2022-01-25', j * 20)),
        chair: '市长',
        decisions: [],
      });
    }

    // 短信访: 26.
    for (let i = 0; i < 26; i++) await open(`S${i}`, addDays('2022-01-10', i * 5), 'sms');

    // 复查复核: 4 review decisions in the period, and one request still pending (not counted).
    for (let i = 0; i < 5; i++) {
      const id = `R${i}`;
      await open(id, '2022-01-05', 'visit');
      await assignAndAccept(id, '2022-01-05');
      await reply(id, i < 4 ? '2022-02-10' : '2022-06-01');
      await write(`/matters/${id}/reviews`, a.registrar, {
        stage: 'review',
        occurredAt: at(i < 4 ? '2022-03-01' : '2022-06-20'),
      });
      if (i < 4) {
        await write(`/matters/${id}/reviews/decisions`, a.leader, {
          stage: 'review',
          outcome: 'upheld',
          note: '维持',
          occurredAt: at(addDays('2022-03-10', i)),
        });
      }
    }

    const head = (await t.store().head()).position.toString();
    const res = await api.get(`/reports/work?from=2022-01-01&to=2022-06-30&minPosition=${head}`, a.leader);
    expect(res.status).toBe(200);
    report = res.body;
  }, 180_000);
  afterAll(() => t.close());

  it('gives the seed’s numbers: 15 instructions, 22 weekly and 5 joint meetings, 59 upper-level cases at 100 %, 26 SMS, 4 reviews', () => {
    const two = report.sections.two;
    expect(two.instructions).toEqual(SEED_SECTION_TWO.instructions);
    expect(two.meetings).toEqual(SEED_SECTION_TWO.meetings);
    expect(two.upperAssignments).toEqual(SEED_SECTION_TWO.upperAssignments);
    expect(two.sms).toBe(26);
    expect(two.reviews).toEqual(SEED_SECTION_TWO.reviews);
  });

  it('drafts section 二 with those figures in the register of the seed', () => {
    for (const phrase of SEED_SECTION_TWO_PHRASES) expect(report.sections.two.text).toContain(phrase);
    expect(report.text).toContain(report.sections.two.text);
  });

  it('refuses bad instructions and assignments with a problem and appends nothing', async () => {
    const instruction = { leader: '市委书记', occurredAt: at('2022-03-02'), text: '抓紧化解' };
    const assignment = {
      level: 'province',
      documentRef: '豫信交〔2022〕99号',
      dueBy: '2022-04-30',
      occurredAt: at('2022-04-01'),
    };
    const fields = async (send: () => ReturnType<MatterApi['post']>, status: number) =>
      ((await expectRefused(t, send, status)).body.errors as { field: string }[]).map((e) => e.field);

    expect(await fields(() => api.post('/instructions', a.leader, { ...instruction, text: '' }), 400)).toEqual([
      'text',
    ]);
    expect(
      await fields(() => api.post('/instructions', a.leader, { ...instruction, occurredAt: '2022-03-02' }), 400),
    ).toEqual(['occurredAt']);
    await expectRefused(
      t,
      () => api.post('/instructions', a.leader, { ...instruction, occurredAt: at('2099-01-01') }),
      400,
    );
    await expectRefused(t, () => api.post('/instructions', a.leader, { ...instruction, matterId: 'XF-NONE' }), 422);
    await expectRefused(t, () => api.post('/instructions', a.responsibleHandler, instruction), 403);
    await expectRefused(t, () => api.post('/instructions', null, instruction), 401);

    expect(
      await fields(
        () => api.post('/matters/J0/upper-assignments', a.registrar, { ...assignment, level: 'county' }),
        400,
      ),
    ).toEqual(['level']);
    expect(
      await fields(
        () => api.post('/matters/J0/upper-assignments', a.registrar, { ...assignment, dueBy: '2022-02-30' }),
        400,
      ),
    ).toEqual(['dueBy']);
    await expectRefused(t, () => api.post('/matters/XF-NONE/upper-assignments', a.registrar, assignment), 404);
    const again = await expectRefused(t, () => api.post('/matters/U0/upper-assignments', a.leader, assignment), 422);
    expect(again.body.rule).toBe('already-upper-assigned');
    await expectRefused(
      t,
      () =>
        api.post('/matters/J0/upper-assignments', a.registrar, {
          ...assignment,
          occurredAt: at('2022-04-10'),
          dueBy: '2022-04-09',
        }),
      422,
      'due-before-assignment',
    );
    await expectRefused(t, () => api.post('/matters/J0/upper-assignments', a.analyst, assignment), 403);
    expectProblem(await api.post('/matters/J0/upper-assignments', a.auditor, assignment), 403);
  });

  it('records an instruction on a matter and an assignment on stream upper_assignment-<matterId>', async () => {
    const res = await api
      .post('/instructions', a.leader, { leader: '市长', occurredAt: at('2022-06-01'), matterId: 'J1', text: '督办' })
      .expect(201);
    expect(res.body.id).toMatch(/^IN\d{8}-[A-Za-z0-9_-]{8}$/);
    const [instruction] = await t.store().readStream(`instruction-${res.body.id}`);
    expect(instruction).toMatchObject({
      type: 'InstructionRecorded',
      data: { leader: '市长', matterId: 'J1', subject: null, text: '督办' },
      actor: { role: 'leader' },
    });
    const assigned = await api
      .post('/matters/J1/upper-assignments', a.registrar, {
        level: 'central',
        documentRef: '国信交〔2022〕3号',
        dueBy: '2099-12-31',
      })
      .expect(201);
    expect(assigned.body).toEqual({ id: 'J1', revision: 0, position: expect.stringMatching(/^\d+$/) });
    const [event] = await t.store().readStream('upper_assignment-J1');
    expect(event).toMatchObject({
      type: 'UpperAssignmentRecorded',
      data: { matterId: 'J1', level: 'central', documentRef: '国信交〔2022〕3号', dueBy: '2099-12-31' },
    });
  });
});
