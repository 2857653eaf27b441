import { compareDates, addDays, LocalDate } from '@app/domain';
import { DemoLedger } from './demo-ledger';
import { at, dateOf, midnight, nextWorkingDate } from './demo-time';
import { Arrivals } from './simulation/arrivals';
import { BacklogCampaign } from './simulation/campaign';
import { City } from './simulation/city';
import { Contacts } from './simulation/contacts';
import { MatterCourse } from './simulation/matter-course';
import { BureauRoutine } from './simulation/routine';
import { DemoSettings, DemoSummary, SimulationWorld } from './simulation/world';

export type { DemoPrincipal, DemoSettings, DemoSummary } from './simulation/world';

/**
 * The demo city's two years as a discrete-event simulation: contacts arrive day by day
 * (with the seasons of the example report), every matter then moves through the
 * statutory steps at its responsible unit's pace, and the bureau's own rhythm (weekly
 * judgment meetings, receptions, screenings, the backlog campaign, accountability)
 * runs alongside. Every fact is decided by the domain (the same deciders the API calls)
 * with `now` set to the simulated instant, and appended as its actor in time order, so
 * ledger positions follow the calendar.
 *
 * The sections live in `simulation/`: the city (`city.ts`), arrivals (`arrivals.ts`),
 * contacts (`contacts.ts`), a matter's course (`matter-course.ts`), the bureau's routine
 * (`routine.ts`) and the campaign (`campaign.ts`), over what they share (`world.ts`: the
 * settings, the random streams, the agenda and writing through the domain).
 */
export class DemoSimulation {
  private readonly w: SimulationWorld;
  private readonly city: City;
  private readonly arrivals: Arrivals;
  private readonly routine: BureauRoutine;
  private readonly campaign: BacklogCampaign;

  constructor(ledger: DemoLedger, settings: DemoSettings) {
    this.w = new SimulationWorld(ledger, settings);
    const course = new MatterCourse(this.w);
    this.city = new City(this.w);
    this.arrivals = new Arrivals(this.w, new Contacts(this.w, course));
    this.routine = new BureauRoutine(this.w);
    this.campaign = new BacklogCampaign(this.w, course);
  }

  async run(): Promise<DemoSummary> {
    const w = this.w;
    await this.city.register(at(addDays(w.first, -2), 9));
    for (let date = w.first; compareDates(date, w.last) <= 0; date = addDays(date, 1)) {
      const day = date;
      if (midnight(day) > w.endMs) break;
      w.agenda.add(midnight(day), () => this.startDay(day));
    }
    w.agenda.add(at(nextWorkingDate(w.settings.clock.calendar, `${w.settings.year}-02-20` as LocalDate), 9.5), () =>
      this.campaign.launch(),
    );
    for (let task = w.agenda.next(); task; task = w.agenda.next()) {
      if (task.at > w.endMs) continue;
      w.clock = task.at;
      await task.run();
    }
    return {
      from: w.first,
      to: dateOf(Math.min(w.endMs, midnight(addDays(w.last, 1)) - 1)),
      principals: w.principals,
      matters: w.matters.size,
      contacts: w.contactCounts,
      campaign: w.campaign ? { id: w.campaign.id, cases: w.campaign.cases.length } : null,
      refusals: w.refusals,
    };
  }

  /** A day: its contacts are scheduled, then the bureau's routine, then the work report's facts of the day. */
  private async startDay(date: LocalDate): Promise<void> {
    this.w.settings.onDay?.(date);
    this.arrivals.day(date);
    await this.routine.day(date);
    this.w.workReport.day(date);
  }
}
