import type { DomainEvent } from '../events/event-catalog';
import { at, ctx, ev, throughReply } from '../testing/matter-fixtures';
import {
  courseOf,
  deadlines,
  matterMilestones,
  milestoneOutcome,
  milestonesOf,
  overdueSteps,
} from './matter-deadlines';
import { foldMatter } from './matter-state';

const clock = { timeZone: ctx.timeZone, calendar: ctx.calendar, rollForward: true };
const stateOf = (events: Parameters<typeof foldMatter>[0]) => foldMatter(events)!;
/** Assigned to town-a, returned by it as outside its remit, then assigned to and accepted by town-b. */
const returnedThenAccepted = () => [
  ...ev.opened(at('2022-03-01')),
  ev.assigned(at('2022-03-02')),
  ev.returned(at('2022-03-04')),
  ev.assigned(at('2022-03-07'), 'town-b'),
  ev.accepted(at('2022-03-25'), 'town-b'),
];

describe('deadlines of a matter', () => {
  it('starts with the bureau transfer, 15 days from receipt', () => {
    // Received 2022-01-28: day 15 is Saturday 2022-02-12, so 2022-02-14.
    expect(deadlines(stateOf(ev.opened(at('2022-01-28'))), clock)).toEqual([
      { step: 'transfer', kind: 'duty', unit: null, from: '2022-01-28', lastDay: '2022-02-14' },
    ]);
  });

  it('counts receipt at midnight Shanghai time (16:00Z) on the next day', () => {
    expect(deadlines(stateOf(ev.opened('2022-01-27T16:00:00Z')), clock)[0]).toMatchObject({
      from: '2022-01-28',
      lastDay: '2022-02-14',
    });
  });

  it('after the transfer: met transfer, running acceptance, and the unit’s remit-return window', () => {
    const events = [...ev.opened(at('2022-04-28')), ev.assigned(at('2022-04-29'))];
    expect(deadlines(stateOf(events), clock)).toEqual([
      { step: 'transfer', kind: 'duty', unit: null, from: '2022-04-28', lastDay: '2022-05-13', met: '2022-04-29' },
      { step: 'acceptance', kind: 'duty', unit: 'town-a', from: '2022-04-29', lastDay: '2022-05-16' },
      { step: 'remit_return', kind: 'window', unit: 'town-a', from: '2022-04-29', lastDay: '2022-05-10' },
    ]);
  });

  it('runs the reply 60 days from acceptance, lengthened by an extension then rolled forward', () => {
    const accepted: DomainEvent[] = [
      ...ev.opened(at('2022-03-01')),
      ev.assigned(at('2022-03-02')),
      ev.accepted(at('2022-03-05')),
    ];
    const reply = (events: DomainEvent[]) => deadlines(stateOf(events), clock).find((d) => d.step === 'reply');
    expect(reply(accepted)).toEqual({
      step: 'reply',
      kind: 'duty',
      unit: 'town-a',
      from: '2022-03-05',
      lastDay: '2022-05-05',
    });
    expect(reply([...accepted, ev.extended(at('2022-04-01'), 30)])).toEqual({
      step: 'reply',
      kind: 'duty',
      unit: 'town-a',
      from: '2022-03-05',
      lastDay: '2022-06-06',
      extendedBy: 30,
    });
    expect(
      deadlines(stateOf(accepted), { ...clock, rollForward: false }).find((d) => d.step === 'reply')?.lastDay,
    ).toBe('2022-05-04');
  });

  it('opens the review window on reply, and the decision clock on request', () => {
    const events = [...throughReply, ev.reviewRequested(at('2022-05-20'))];
    expect(deadlines(stateOf(events), clock).slice(-3)).toEqual([
      { step: 'reply', kind: 'duty', unit: 'town-a', from: '2022-03-05', lastDay: '2022-05-05', met: '2022-04-20' },
      {
        step: 'review_request',
        kind: 'window',
        unit: null,
        from: '2022-04-20',
        lastDay: '2022-05-20',
        met: '2022-05-20',
      },
      // Day 30 is Sunday 2022-06-19.
      { step: 'review_decision', kind: 'duty', unit: null, from: '2022-05-20', lastDay: '2022-06-20' },
    ]);
  });

  it('drops a returned assignment from the present course, the transfer clock restarting from the return', () => {
    const events = [
      ...ev.opened(at('2022-03-01')),
      ev.assigned(at('2022-03-02')),
      ev.returned(at('2022-03-04')),
      ev.assigned(at('2022-03-07'), 'town-b'),
    ];
    expect(deadlines(stateOf(events), clock).map((d) => [d.step, d.unit, d.from, d.met])).toEqual([
      ['transfer', null, '2022-03-04', '2022-03-07'],
      ['acceptance', 'town-b', '2022-03-07', undefined],
      ['remit_return', 'town-b', '2022-03-07', undefined],
    ]);
  });

  it('says which years it had to assume (2028 is not in the calendar data)', () => {
    // Received 2028-02-14: day 15 is 2028-02-29, a Tuesday under the weekend-only assumption.
    expect(deadlines(stateOf(ev.opened(at('2028-02-14'))), clock)).toEqual([
      { step: 'transfer', kind: 'duty', unit: null, from: '2028-02-14', lastDay: '2028-02-29', assumedYears: [2028] },
    ]);
  });
});

describe('the course of a matter at once', () => {
  it('is its milestones and its deadlines, a returned assignment in the one and not the other', () => {
    const state = stateOf(returnedThenAccepted());
    const course = courseOf(state, clock);
    expect(course.milestones).toEqual(milestonesOf(state, clock));
    expect(course.deadlines).toEqual(deadlines(state, clock));
    expect(course.milestones.filter((m) => m.excused === 'remit_returned').map((m) => m.step)).toEqual(['acceptance']);
    expect(course.deadlines.map((d) => d.unit)).not.toContain('town-a');
  });
});

describe('overdue steps', () => {
  const assigned = [...ev.opened(at('2022-04-28')), ev.assigned(at('2022-04-29'))];

  it('are duties not done after their last day, not on it', () => {
    expect(overdueSteps(stateOf(assigned), '2022-05-16', clock)).toEqual([]);
    expect(overdueSteps(stateOf(assigned), '2022-05-17', clock).map((d) => d.step)).toEqual(['acceptance']);
  });

  it('never include windows, nor steps done (even late)', () => {
    const lateAcceptance = [...assigned, ev.accepted(at('2022-05-20'))];
    expect(overdueSteps(stateOf(lateAcceptance), '2022-06-01', clock)).toEqual([]);
    expect(overdueSteps(stateOf(throughReply), '2023-01-01', clock)).toEqual([]);
  });

  it('include a reply not given in time, extension counted', () => {
    const accepted = [...ev.opened(at('2022-03-01')), ev.assigned(at('2022-03-02')), ev.accepted(at('2022-03-05'))];
    expect(overdueSteps(stateOf(accepted), '2022-05-06', clock).map((d) => d.step)).toEqual(['reply']);
    expect(overdueSteps(stateOf([...accepted, ev.extended(at('2022-04-01'))]), '2022-05-06', clock)).toEqual([]);
  });
});

describe('milestones for on-time and timely-acceptance indicators', () => {
  it('keep every limit, per unit, with a returned assignment excused', () => {
    const milestones = matterMilestones(returnedThenAccepted(), clock);
    expect(milestones.map((m) => [m.step, m.unit, m.lastDay, m.met, m.excused])).toEqual([
      ['transfer', null, '2022-03-16', '2022-03-02', null],
      ['acceptance', 'town-a', '2022-03-17', undefined, 'remit_returned'],
      ['remit_return', 'town-a', '2022-03-09', '2022-03-04', null],
      ['transfer', null, '2022-03-21', '2022-03-07', null],
      ['acceptance', 'town-b', '2022-03-22', '2022-03-25', null],
      ['remit_return', 'town-b', '2022-03-14', undefined, null],
      ['reply', 'town-b', '2022-05-24', undefined, null],
    ]);
    expect(milestones.map((m) => milestoneOutcome(m, '2022-04-01'))).toEqual([
      'on_time',
      'excused',
      'on_time',
      'on_time',
      'late',
      'lapsed',
      'pending',
    ]);
  });

  it('judge as of a date: a step done after that date was not yet done then', () => {
    const replyMilestone = matterMilestones(throughReply, clock).find((m) => m.step === 'reply')!;
    expect(milestoneOutcome(replyMilestone, '2022-04-19')).toBe('pending');
    expect(milestoneOutcome(replyMilestone, '2022-04-20')).toBe('on_time');
  });

  it('mark a duty not done after its last day as overdue', () => {
    const accepted = [...ev.opened(at('2022-03-01')), ev.assigned(at('2022-03-02')), ev.accepted(at('2022-03-05'))];
    const reply = matterMilestones(accepted, clock).find((m) => m.step === 'reply')!;
    expect(milestoneOutcome(reply, '2022-05-05')).toBe('pending');
    expect(milestoneOutcome(reply, '2022-05-06')).toBe('overdue');
  });

  it('are empty for a matter not opened', () => {
    expect(matterMilestones([], clock)).toEqual([]);
  });
});
