import { parseWeek } from '../periods/periods';
import { unwrap } from '../result';
import { ev } from '../testing/matter-fixtures';
import { at, factsOf, opened } from '../testing/rhythm-fixtures';
import { campaignProgress, decisionFollowUps, judgmentAgenda, risingSubjects } from './agenda';
import type { CampaignFact, ContactFact, MeetingFact } from './rhythm-facts';

const week = unwrap(parseWeek('2022-W14')); // Monday 2022-04-04 to Sunday 04-10

const contact = (subject: string | null, occurredOn: string, extra: Partial<ContactFact> = {}): ContactFact => ({
  matterId: `M-${subject}-${occurredOn}`,
  occurredOn,
  channel: 'visit',
  level: 'city',
  headcount: 1,
  collective: false,
  repeat: true,
  unit: 'town-a',
  subject,
  category: 'urban_rural_construction',
  ...extra,
});

const weekIndex = (on: string) => {
  const days = (Date.parse(`${week.from}T00:00:00Z`) - Date.parse(`${on}T00:00:00Z`)) / 86_400_000;
  return days <= 0 ? 0 : Math.floor((days - 1) / 7) + 1;
};

describe('rising subjects', () => {
  it('are subjects with more contacts this week than their average over the 4 weeks before', () => {
    const contacts = [
      contact('紫悦华府', '2022-04-05'),
      contact('紫悦华府', '2022-04-06'),
      contact('紫悦华府', '2022-03-20'), // 3 weeks before
      // 2 this week against 8 in the 4 weeks before (average 2): not rising
      ...['04-04', '04-08', '03-28', '03-29', '03-21', '03-22', '03-14', '03-15', '03-07', '03-08'].map((d) =>
        contact('化工厂', `2022-${d}`),
      ),
      contact('某小区', '2022-04-07'), // one contact: below the minimum of 2
      contact(null, '2022-04-07'),
      contact(null, '2022-04-08'),
    ];
    expect(risingSubjects(contacts, weekIndex)).toEqual([
      {
        subject: '紫悦华府',
        thisWeek: 2,
        previousWeeks: [0, 1, 0, 0],
        average: 0.25,
        change: { pct: 700, trend: 'up' },
      },
    ]);
  });

  it('counts a subject with no contacts before as new', () => {
    const [rising] = risingSubjects([contact('新楼盘', '2022-04-04'), contact('新楼盘', '2022-04-10')], weekIndex);
    expect(rising.change).toEqual({ pct: null, trend: 'new' });
  });
});

describe('backlog campaign progress against the target in force', () => {
  const campaign: CampaignFact = {
    id: 'backlog-2022',
    name: '积案化解',
    targets: [
      { by: '2022-06-30', rate: 80 },
      { by: '2022-07-31', rate: 90 },
    ],
    cases: [
      { matterId: 'B1', addedOn: '2022-03-01', resolvedOn: '2022-03-20' },
      { matterId: 'B2', addedOn: '2022-03-01', resolvedOn: '2022-04-02' },
      { matterId: 'B3', addedOn: '2022-03-01', resolvedOn: '2022-04-06' },
      { matterId: 'B4', addedOn: '2022-03-01', resolvedOn: '2022-05-01' },
      { matterId: 'B5', addedOn: '2022-03-01', resolvedOn: null },
      { matterId: 'B6', addedOn: '2022-04-20', resolvedOn: null }, // not yet in the campaign on 04-10
    ],
  };

  it('measures resolved cases on the evaluation day against the next target date', () => {
    // 3 of 5 resolved by 04-10; 80 % of 5 is 4: one more needed
    expect(campaignProgress(campaign, '2022-04-10')).toEqual({
      id: 'backlog-2022',
      name: '积案化解',
      cases: 5,
      resolved: 3,
      rate: 60,
      target: { by: '2022-06-30', rate: 80 },
      targetPassed: false,
      needed: 1,
      onTrack: false,
    });
  });

  it('holds the campaign to its last target once every date has passed', () => {
    const later = campaignProgress(campaign, '2022-08-15');
    expect(later).toEqual(
      expect.objectContaining({
        cases: 6,
        resolved: 4,
        target: { by: '2022-07-31', rate: 90 },
        targetPassed: true,
        needed: 2,
      }),
    );
  });
});

describe('the last meeting’s decisions', () => {
  const meeting: MeetingFact = {
    meetingId: 'W13',
    kind: 'weekly_judgment',
    chair: '副市长 张',
    occurredAt: at('2022-03-31', '15:00'),
    heldOn: '2022-03-31',
    decisions: [
      { matterId: 'D1', decision: '三日内上门核实', unit: 'town-a', dueBy: '2022-04-03' },
      { matterId: 'D2', decision: '出具答复意见', unit: 'dept-housing', dueBy: '2022-04-06' },
      { matterId: 'D3', decision: '组织听证', unit: 'town-b', dueBy: '2022-04-08' },
      { matterId: 'D4', decision: '化解', unit: 'town-b', dueBy: '2022-04-30' },
    ],
  };
  const acts = [
    {
      matterId: 'D1',
      type: 'HandlingActionRecorded',
      unit: 'town-a',
      occurredAt: at('2022-03-31', '09:00'),
      on: '2022-03-31',
    }, // before the meeting
    { matterId: 'D1', type: 'HandlingActionRecorded', unit: 'town-a', occurredAt: at('2022-04-02'), on: '2022-04-02' },
    { matterId: 'D2', type: 'HandlingActionRecorded', unit: 'town-a', occurredAt: at('2022-04-02'), on: '2022-04-02' }, // another unit
    { matterId: 'D2', type: 'ReplyIssued', unit: 'dept-housing', occurredAt: at('2022-04-07'), on: '2022-04-07' },
  ];

  it('are met, late, missed or pending by the evidence in the ledger', () => {
    expect(decisionFollowUps(meeting, acts, '2022-04-10').map((d) => [d.matterId, d.status, d.evidence])).toEqual([
      ['D1', 'met', { type: 'HandlingActionRecorded', on: '2022-04-02' }],
      ['D2', 'late', { type: 'ReplyIssued', on: '2022-04-07' }],
      ['D3', 'missed', null],
      ['D4', 'pending', null],
    ]);
  });
});

describe('the weekly judgment agenda', () => {
  const f = factsOf([
    // due this week: acceptance of a matter assigned 03-22 ends 04-06
    [...opened('A1', '2022-03-21', 'town-a'), ev.assigned(at('2022-03-22'), 'town-a')],
    // overdue before the week: reply due 03-21, never given
    [
      ...opened('A2', '2022-01-10', 'town-b'),
      ev.assigned(at('2022-01-12'), 'town-b'),
      ev.accepted(at('2022-01-20'), 'town-b'),
      ev.owner(at('2022-02-01'), '副市长 张'),
    ],
    // a collective visit lodged at the province this week
    [
      ...opened('A3', '2022-04-06', 'town-a', '紫悦华府'),
      ev.contact(at('2022-04-07'), { headcount: 9, collective: true, level: 'province' }),
    ],
  ]);
  const agenda = judgmentAgenda({
    week,
    evaluatedOn: week.to,
    contacts: f.contacts,
    due: f.milestones.filter((m) => m.lastDay >= week.from && m.lastDay <= week.to),
    open: f.milestones,
    campaigns: [],
    owned: [
      { matterId: 'A2', leader: '副市长 张', since: '2022-02-01', unit: 'town-b', subject: null, resolvedOn: null },
    ],
    lastMeeting: null,
    acts: [],
  });

  it('lists the week’s new matters and contacts, skip-level and collective visits', () => {
    expect(agenda.contacts).toEqual({ batches: 2, persons: 10, repeat: 1, byChannel: { visit: 2 } });
    expect(agenda.newMatters.map((c) => c.matterId)).toEqual(['A3']);
    expect(agenda.skipLevelVisits).toEqual([
      expect.objectContaining({ matterId: 'A3', level: 'province', headcount: 9, occurredOn: '2022-04-07' }),
    ]);
    expect(agenda.collectiveVisits.map((c) => c.matterId)).toEqual(['A3']);
  });

  it('groups duties due this week and already overdue by unit, oldest first', () => {
    // A1's transfer (due 04-06 too) was done on 03-22, before the week: not on the agenda.
    expect(
      agenda.deadlines.map((d) => [
        d.unit,
        d.due.map((m) => [m.matterId, m.step, m.deadline, m.outcome]),
        d.overdue.map((m) => [m.matterId, m.step, m.deadline]),
      ]),
    ).toEqual([
      ['town-a', [['A1', 'acceptance', '2022-04-06', 'overdue']], []],
      ['town-b', [], [['A2', 'reply', '2022-03-21']]],
    ]);
  });

  it('lists matters with an owning leader, marking those overdue', () => {
    expect(agenda.ownedMatters).toEqual([
      expect.objectContaining({ matterId: 'A2', leader: '副市长 张', overdue: true }),
    ]);
  });

  it('shows a handler only the items of its units', () => {
    const scoped = judgmentAgenda({
      week,
      evaluatedOn: week.to,
      contacts: f.contacts,
      due: f.milestones,
      open: f.milestones,
      campaigns: [],
      owned: [],
      lastMeeting: null,
      acts: [],
      units: ['town-b'],
    });
    expect(scoped.newMatters).toEqual([]);
    expect(scoped.deadlines.map((d) => d.unit)).toEqual(['town-b']);
  });
});
