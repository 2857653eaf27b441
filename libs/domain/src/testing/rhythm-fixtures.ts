// Test-only: rhythm facts folded from domain events, exactly as the read models select them.
import type { ClockSettings } from '../clock/statutory-clock';
import { domainEvent, DomainEvent } from '../events/event-catalog';
import { milestonesOf } from '../matter/matter-deadlines';
import { foldMatter } from '../matter/matter-state';
import { officialCalendar } from './official-calendar';
import { localDateOf } from '../time/time-zone';
import type { ContactFact, EvaluationFact, MatterMilestone, ResolutionFact } from '../rhythm/rhythm-facts';

export const settings: ClockSettings = { timeZone: 'Asia/Shanghai', calendar: officialCalendar, rollForward: true };

export const at = (date: string, time = '10:00'): string => `${date}T${time}:00+08:00`;

export interface MatterFacts {
  contacts: ContactFact[];
  milestones: MatterMilestone[];
  resolutions: ResolutionFact[];
  evaluations: EvaluationFact[];
}

/** `opened('M-1', '2022-04-01', 'town-a')`: MatterOpened and its first contact. */
export function opened(matterId: string, date: string, unit: string, subject: string | null = null): DomainEvent[] {
  return [
    domainEvent('MatterOpened', at(date, '09:00'), {
      matterId,
      category: 'urban_rural_construction',
      subject,
      responsibleUnit: unit,
      summary: '反映问题',
      petitioners: [],
    }),
    domainEvent('ContactRecorded', at(date, '09:00'), {
      channel: 'visit',
      level: 'city',
      source: null,
      headcount: 1,
      collective: false,
      repeat: false,
    }),
  ];
}

/** The facts of some matters, each given as its events. */
export function factsOf(matters: readonly DomainEvent[][]): MatterFacts {
  const out: MatterFacts = { contacts: [], milestones: [], resolutions: [], evaluations: [] };
  for (const events of matters) {
    const state = foldMatter(events);
    if (!state) continue;
    const tz = settings.timeZone;
    for (const c of state.contacts) {
      out.contacts.push({
        matterId: state.matterId,
        occurredOn: localDateOf(c.occurredAt, tz),
        channel: c.channel,
        level: c.level,
        headcount: c.headcount,
        collective: c.collective,
        repeat: c.repeat,
        unit: state.responsibleUnit,
        subject: state.subject,
        category: state.category,
      });
    }
    for (const m of milestonesOf(state, settings)) out.milestones.push({ ...m, matterId: state.matterId });
    if (state.resolvedAt)
      out.resolutions.push({ matterId: state.matterId, resolvedOn: localDateOf(state.resolvedAt, tz) });
    for (const e of state.evaluations) {
      out.evaluations.push({
        matterId: state.matterId,
        on: localDateOf(e.at, tz),
        of: e.of,
        result: e.result,
        unit: e.of === 'reply' ? (state.reply?.unit ?? null) : null,
      });
    }
  }
  return out;
}
