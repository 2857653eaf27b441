import * as domain from '@app/domain';
import { officialCalendarData } from './testing/official-calendar';

describe('the public face of @app/domain', () => {
  it('runs a matter from opening to deadlines with nothing but its exports', () => {
    const calendar = domain.createWorkingCalendar(officialCalendarData);
    const ctx: domain.DecisionContext = {
      now: '2022-03-06T12:00:00+08:00',
      timeZone: domain.DEFAULT_TIME_ZONE,
      calendar,
      rollForward: true,
    };
    const events = domain.decideMatter(
      {
        type: 'OpenMatter',
        matterId: 'M-1',
        category: 'health',
        responsibleUnit: 'dept-health',
        summary: '医保报销',
        petitioners: [],
        contact: { channel: 'online', source: 'national_platform', occurredAt: '2022-01-28T09:00:00+08:00' },
      },
      domain.initialMatterState,
      ctx,
    );
    const stored = events.map((e) => JSON.parse(JSON.stringify(e)) as domain.StoredEvent).map(domain.upcastEvent);
    const state = stored.reduce(domain.evolveMatter, domain.initialMatterState)!;
    expect(domain.deadlines(state, ctx)).toEqual([
      { step: 'transfer', kind: 'duty', unit: null, from: '2022-01-28', lastDay: '2022-02-14' },
    ]);
    expect(domain.overdueSteps(state, '2022-02-15', ctx).map((d) => d.step)).toEqual(['transfer']);
  });

  it('exports every rule with its kind', () => {
    expect(domain.RULES['review-window-closed'].kind).toBe('rule');
    expect(domain.RULES['headcount-invalid'].kind).toBe('input');
    expect(new domain.RuleViolation('matter-final', 'final').kind).toBe('rule');
  });
});
