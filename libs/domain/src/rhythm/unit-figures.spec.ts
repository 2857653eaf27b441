import { domainEvent } from '../events/event-catalog';
import { parseMonth } from '../periods/periods';
import { unwrap } from '../result';
import { ev } from '../testing/matter-fixtures';
import { evaluationDay } from './rhythm-facts';
import { at, factsOf, opened } from '../testing/rhythm-fixtures';
import { computeFigures, figuresByUnit, PeriodFacts } from './unit-figures';

const april = unwrap(parseMonth('2022-04'));

function periodFacts(matters: Parameters<typeof factsOf>[0], evaluatedOn = april.to): PeriodFacts {
  const f = factsOf(matters);
  return {
    period: april,
    evaluatedOn,
    contacts: f.contacts.filter((c) => c.occurredOn >= april.from && c.occurredOn <= april.to),
    due: f.milestones.filter((m) => m.lastDay >= april.from && m.lastDay <= april.to),
    open: f.milestones,
    resolutions: f.resolutions,
    evaluations: f.evaluations.filter((e) => e.on >= april.from && e.on <= april.to),
  };
}

describe('a unit’s figures for a month', () => {
  it('counts acceptance decided by the last day as timely, and one decided later as not', () => {
    const facts = periodFacts([
      // assigned 04-01: 15 days is 04-16, a Saturday, so the limit ends Monday 04-18
      [...opened('A1', '2022-04-01', 'town-a'), ev.assigned(at('2022-04-01')), ev.accepted(at('2022-04-18'))],
      [...opened('A2', '2022-04-01', 'town-a'), ev.assigned(at('2022-04-01')), ev.accepted(at('2022-04-19'))],
    ]);
    const { figures, evidence } = computeFigures(facts, (u) => u === 'town-a');
    expect(figures.timelyAcceptance).toEqual({ numerator: 1, denominator: 2 });
    expect(evidence.timelyAcceptance).toEqual([
      expect.objectContaining({
        matterId: 'A1',
        deadline: '2022-04-18',
        met: '2022-04-18',
        outcome: 'on_time',
        counted: 'numerator',
        missedOn: null,
      }),
      expect.objectContaining({
        matterId: 'A2',
        deadline: '2022-04-18',
        met: '2022-04-19',
        outcome: 'late',
        counted: 'denominator',
        missedOn: '2022-04-19',
      }),
    ]);
  });

  it('does not charge a unit that returned a matter as outside its remit, and charges the unit that took it', () => {
    const facts = periodFacts([
      [
        ...opened('R1', '2022-04-06', 'dept-land'),
        ev.assigned(at('2022-04-06'), 'dept-land'),
        ev.returned(at('2022-04-08'), 'dept-land'),
        ev.assigned(at('2022-04-11'), 'dept-housing'),
        ev.accepted(at('2022-04-20'), 'dept-housing'),
      ],
    ]);
    const byUnit = figuresByUnit(facts, ['dept-land', 'dept-housing']);
    expect(byUnit.get('dept-land')!.figures.timelyAcceptance).toEqual({ numerator: 0, denominator: 0 });
    expect(byUnit.get('dept-land')!.evidence.timelyAcceptance).toEqual([
      expect.objectContaining({
        matterId: 'R1',
        deadline: '2022-04-21',
        outcome: 'excused',
        excused: 'remit_returned',
        counted: 'excluded',
      }),
    ]);
    expect(byUnit.get('dept-housing')!.figures.timelyAcceptance).toEqual({ numerator: 1, denominator: 1 });
  });

  it('judges the reply cohort (reply due in the month) for on-time completion, resolution and overdue', () => {
    const facts = periodFacts([
      // accepted 02-10: reply due 04-11; replied on time and resolved in April
      [
        ...opened('C1', '2022-02-08', 'town-a'),
        ev.assigned(at('2022-02-09')),
        ev.accepted(at('2022-02-10')),
        ev.replied(at('2022-04-08')),
        ev.resolved(at('2022-04-25')),
      ],
      // same deadline, never replied: late for on-time, overdue at the month's end
      [...opened('C2', '2022-02-08', 'town-a'), ev.assigned(at('2022-02-09')), ev.accepted(at('2022-02-10'))],
      // resolved only in May: not resolved as of the month's end
      [
        ...opened('C3', '2022-02-08', 'town-a'),
        ev.assigned(at('2022-02-09')),
        ev.accepted(at('2022-02-10')),
        ev.replied(at('2022-04-11')),
        ev.resolved(at('2022-05-03')),
      ],
    ]);
    const { figures, evidence } = computeFigures(facts, (u) => u === 'town-a');
    expect(figures.onTime).toEqual({ numerator: 2, denominator: 3 });
    expect(figures.resolution).toEqual({ numerator: 1, denominator: 3 });
    expect(figures.overdue).toBe(1);
    expect(evidence.overdue).toEqual([
      expect.objectContaining({
        matterId: 'C2',
        step: 'reply',
        deadline: '2022-04-11',
        missedOn: '2022-04-12',
        outcome: 'overdue',
      }),
    ]);
    expect(evidence.resolution.map((r) => [r.matterId, r.resolvedOn, r.counted])).toEqual([
      ['C1', '2022-04-25', 'numerator'],
      ['C2', null, 'denominator'],
      ['C3', null, 'denominator'],
    ]);
  });

  it('leaves a limit that is still running out of every rate while the period is not over', () => {
    const matters = [[...opened('P1', '2022-04-06', 'town-a'), ev.assigned(at('2022-04-06'))]];
    const running = computeFigures(periodFacts(matters, evaluationDay(april, '2022-04-15')), (u) => u === 'town-a');
    expect(running.figures.timelyAcceptance).toEqual({ numerator: 0, denominator: 0 });
    expect(running.evidence.timelyAcceptance[0]).toEqual(
      expect.objectContaining({ outcome: 'pending', counted: 'excluded' }),
    );
    const over = computeFigures(periodFacts(matters), (u) => u === 'town-a');
    expect(over.figures.timelyAcceptance).toEqual({ numerator: 0, denominator: 1 });
  });

  it('counts contacts, persons, skip-level visits, repeats and satisfaction for the unit', () => {
    const facts = periodFacts([
      [
        ...opened('S1', '2022-02-08', 'town-a', '紫悦华府'),
        ev.assigned(at('2022-02-09')),
        ev.accepted(at('2022-02-10')),
        ev.replied(at('2022-04-08')),
        domainEvent('SatisfactionEvaluated', at('2022-04-09'), { result: 'basically_satisfied', of: 'reply' }),
        ev.contact(at('2022-04-12'), { headcount: 7, collective: true }),
        ev.contact(at('2022-04-20'), { level: 'province' }),
      ],
      [
        ...opened('S2', '2022-02-08', 'town-a'),
        ev.assigned(at('2022-02-09')),
        ev.accepted(at('2022-02-10')),
        ev.replied(at('2022-03-30')),
        domainEvent('SatisfactionEvaluated', at('2022-04-02'), { result: 'dissatisfied', of: 'reply' }),
      ],
      [...opened('S3', '2022-04-02', 'town-a')],
    ]);
    const { figures } = computeFigures(facts, (u) => u === 'town-a');
    expect(figures).toEqual(
      expect.objectContaining({
        contacts: 3,
        persons: 9,
        skipLevel: 1,
        collective: 1,
        repeat: { numerator: 2, denominator: 3 },
        skipLevelShare: { numerator: 1, denominator: 3 },
        satisfaction: { numerator: 1, denominator: 2 },
      }),
    );
  });
});
