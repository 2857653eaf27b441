import { auth } from './support/actors';
import { expectProblem } from './support/matter-api';
import { API, day, RhythmFixture } from './support/rhythm-fixture';
import { startTestApp, TestApp } from './support/test-app';

/** The weekly judgment agenda (周研判) of 2022-W14: Monday 04-04 to Sunday 04-10 (04-03..05 is 清明). */
describe('the weekly judgment agenda of 2022-W14', () => {
  let t: TestApp;
  let f: RhythmFixture;
  // The agenda as the client parses it.
  let agenda: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  const get = (path: string, token = f.leader) => t.http().get(`${API}${path}`).set(auth(token));

  beforeAll(async () => {
    t = await startTestApp();
    f = new RhythmFixture(t);
    await f.setUp([
      { code: 'town-a', name: '城关镇', kind: 'town' },
      { code: 'dept-housing', name: '住建局', kind: 'department' },
    ]);
    // MA: with town-a, accepted in March. MB: with dept-housing since 03-01, acceptance due 03-16, never decided.
    await f.open('MA', 'town-a', day('03-10', '09:00'), { subject: '紫悦华府' });
    await f.assign('MA', 'town-a', day('03-10'));
    await f.accept('MA', 'town-a', day('03-12'));
    await f.open('MB', 'dept-housing', day('03-01', '09:00'), { subject: '化工厂' });
    await f.assign('MB', 'dept-housing', day('03-01'));
    await f.post('/matters/MB/owners', f.leader, { leader: '副市长 张', occurredAt: day('03-20') });
    // MC: transferred to town-a on 03-22: acceptance due 04-06, this week; not decided by Sunday.
    await f.open('MC', 'town-a', day('03-21', '09:00'));
    await f.assign('MC', 'town-a', day('03-22'));
    // MD: a backlog case resolved on 04-05.
    await f.open('MD', 'town-a', day('01-05', '09:00'));
    await f.assign('MD', 'town-a', day('01-05'));
    await f.accept('MD', 'town-a', day('01-06'));
    await f.post('/matters/MD/replies', f.handler('town-a'), {
      outcome: 'supported',
      note: '已答复',
      occurredAt: day('01-20'),
    });
    await f.post('/matters/MD/resolution', f.handler('town-a'), { note: '已化解', occurredAt: day('04-05') });
    // This week: a collective visit about 紫悦华府 lodged at the province, and two more contacts on it.
    await f.open('ME', 'town-a', day('04-06', '09:00'), { subject: '紫悦华府' }, { headcount: 9, level: 'province' });
    await f.contact('MA', day('04-07'));
    await f.contact('ME', day('04-08'));
    // The last weekly meeting, on Thursday 03-31: two decisions.
    await f.post('/meetings', f.leader, {
      id: 'W13',
      kind: 'weekly_judgment',
      occurredAt: day('03-31', '15:00'),
      chair: '市委书记',
      decisions: [
        { matterId: 'MA', decision: '三日内入户走访', unit: 'town-a', dueBy: '2022-04-03' },
        { matterId: 'MB', decision: '约见开发商，出具受理意见', unit: 'dept-housing', dueBy: '2022-04-06' },
      ],
    });
    await f.post('/matters/MA/actions', f.handler('town-a'), {
      kind: 'home_visit',
      note: '入户走访',
      occurredAt: day('04-02'),
    });
    // A backlog campaign: 80 % of its cases by the end of June.
    await f.post('/campaigns', f.leader, {
      id: 'backlog-2022',
      name: '信访积案化解',
      targets: [
        { by: '2022-06-30', rate: 80 },
        { by: '2022-07-31', rate: 90 },
      ],
      occurredAt: day('03-01'),
    });
    for (const matterId of ['MA', 'MB', 'MD'])
      await f.post('/campaigns/backlog-2022/cases', f.leader, {
        matterId,
        assignedBy: 'province',
        occurredAt: day('03-02'),
      });
    agenda = JSON.parse((await get('/judgments/2022-W14').expect(200)).text);
  });
  afterAll(() => t?.close());

  it('lists the week’s new matters and contacts, skip-level and collective visits', () => {
    expect(agenda).toEqual(
      expect.objectContaining({ week: '2022-W14', from: '2022-04-04', to: '2022-04-10', evaluatedOn: '2022-04-10' }),
    );
    expect(agenda.contacts).toEqual({ batches: 3, persons: 11, repeat: 2, byChannel: { visit: 3 } });
    expect(agenda.newMatters).toEqual([
      expect.objectContaining({ matterId: 'ME', occurredOn: '2022-04-06', subject: '紫悦华府', unit: 'town-a' }),
    ]);
    expect(agenda.skipLevelVisits).toEqual([
      expect.objectContaining({ matterId: 'ME', level: 'province', headcount: 9, collective: true }),
    ]);
    expect(agenda.collectiveVisits.map((c: { matterId: string }) => c.matterId)).toEqual(['ME']);
  });

  it('shows duties due this week and those already overdue, by unit, oldest first', () => {
    expect(agenda.deadlines).toEqual([
      {
        unit: 'dept-housing',
        due: [],
        overdue: [
          expect.objectContaining({
            matterId: 'MB',
            step: 'acceptance',
            deadline: '2022-03-16',
            missedOn: '2022-03-17',
            outcome: 'overdue',
          }),
        ],
      },
      {
        unit: 'town-a',
        due: [
          expect.objectContaining({
            matterId: 'MC',
            step: 'acceptance',
            deadline: '2022-04-06',
            met: null,
            outcome: 'overdue',
          }),
        ],
        overdue: [],
      },
    ]);
  });

  it('flags subjects whose contacts rise against the 4 weeks before', () => {
    // 紫悦华府: 3 contacts this week, 1 (MA, 03-10, in W10: the 4th week before) in the 4 weeks before: average 0.25.
    expect(agenda.risingSubjects).toEqual([
      {
        subject: '紫悦华府',
        thisWeek: 3,
        previousWeeks: [1, 0, 0, 0],
        average: 0.25,
        change: { pct: 1100, trend: 'up' },
      },
    ]);
  });

  it('measures the backlog campaign against the target in force', () => {
    expect(agenda.campaigns).toEqual([
      {
        id: 'backlog-2022',
        name: '信访积案化解',
        cases: 3,
        resolved: 1,
        rate: 33.33,
        target: { by: '2022-06-30', rate: 80 },
        targetPassed: false,
        needed: 2,
        onTrack: false,
      },
    ]);
  });

  it('lists the matters with an owning leader, and the last meeting’s decisions with whether each was met', () => {
    expect(agenda.ownedMatters).toEqual([
      {
        matterId: 'MB',
        leader: '副市长 张',
        since: '2022-03-20',
        unit: 'dept-housing',
        subject: '化工厂',
        resolvedOn: null,
        overdue: true,
      },
    ]);
    expect(agenda.lastMeeting).toEqual({
      meetingId: 'W13',
      kind: 'weekly_judgment',
      chair: '市委书记',
      heldOn: '2022-03-31',
      decisions: [
        {
          matterId: 'MA',
          decision: '三日内入户走访',
          unit: 'town-a',
          dueBy: '2022-04-03',
          status: 'met',
          evidence: { type: 'HandlingActionRecorded', on: '2022-04-02' },
        },
        {
          matterId: 'MB',
          decision: '约见开发商，出具受理意见',
          unit: 'dept-housing',
          dueBy: '2022-04-06',
          status: 'missed',
          evidence: null,
        },
      ],
    });
  });

  it('shows a handler only the items of its units', async () => {
    const scoped = JSON.parse((await get('/judgments/2022-W14', f.handler('town-a')).expect(200)).text);
    expect(scoped.deadlines.map((d: { unit: string }) => d.unit)).toEqual(['town-a']);
    expect(scoped.ownedMatters).toEqual([]);
    expect(scoped.lastMeeting.decisions.map((d: { matterId: string }) => d.matterId)).toEqual(['MA']);
  });

  it('answers as known at an earlier position, and refuses a malformed week', async () => {
    const head = await f.head();
    await f.accept('MC', 'town-a', day('04-06'));
    const now = JSON.parse((await get('/judgments/2022-W14').expect(200)).text);
    expect(now.deadlines.find((d: { unit: string }) => d.unit === 'town-a').due[0]).toEqual(
      expect.objectContaining({ matterId: 'MC', met: '2022-04-06', outcome: 'on_time' }),
    );
    const before = await get(`/judgments/2022-W14?asOf=${head}`).expect(200);
    expect(JSON.parse(before.text)).toEqual({ ...agenda, asOf: head });
    expectProblem(await get('/judgments/2022-W54'), 400);
  });
});
