import { addDays, CampaignState, decideCampaign, evolveCampaign, LocalDate } from '@app/domain';
import { LeaderKey } from '../demo-city';
import { at, DAY, iso, later, midnight, nextWorkingDate, officeTime } from '../demo-time';
import { CAMPAIGN_NOTE, MatterCourse } from './matter-course';
import { SimMatter } from './simulated-matter';
import { leaderActor, REGISTRAR, SimulationWorld } from './world';

/** The backlog campaign (积案): launched in February, the year-old unsettled matters as its cases, resolved to its targets. */
export class BacklogCampaign {
  constructor(
    private readonly w: SimulationWorld,
    private readonly course: MatterCourse,
  ) {}

  async launch(): Promise<void> {
    const r = this.w.rng;
    const now = this.w.clock || at(`${this.w.settings.year}-02-20`, 9.5);
    const year = this.w.settings.year;
    const id = `backlog-${year}`;
    const stream = `campaign-${id}`;
    const cal = this.w.settings.clock.calendar;
    let state: CampaignState | null = null;
    const decide = (command: Parameters<typeof decideCampaign>[0], when: number) => {
      try {
        const events = decideCampaign(command, state, { now: iso(when) });
        for (const event of events) state = evolveCampaign(state, event);
        return events;
      } catch (error) {
        this.w.refused(error);
        return null;
      }
    };
    const launched = decide(
      {
        type: 'LaunchCampaign',
        campaignId: id,
        name: `${year}年重复信访积案专项治理`,
        targets: [
          { by: `${year}-06-30` as LocalDate, rate: 80 },
          { by: `${year}-07-31` as LocalDate, rate: 90 },
        ],
      },
      now,
    );
    if (!launched) return;
    await this.w.ledger.write(stream, leaderActor('secretary'), launched);
    this.w.campaign = { id, state, cases: [] };
    // Long-standing matters: from the year before, unsettled, mostly the problem housing projects.
    const candidates = [...this.w.matters.values()].filter(
      (m) => !m.state.resolved && m.state.assignedUnit && m.state.openedAt < `${year}-01-01`,
    );
    const score = (m: SimMatter) =>
      (m.project ? 3 : 0) + Math.min(m.state.contacts.length, 5) + (m.dissatisfied ? 2 : 0) + r.next();
    const ranked = candidates
      .map((m) => ({ m, s: score(m) }))
      .sort((a, b) => b.s - a.s)
      .map((x) => x.m);
    const wanted = Math.max(5, Math.round(130 * this.w.settings.scale));
    const cases = ranked.slice(0, wanted);
    let when = now;
    for (const m of cases) {
      when = later(r, cal, when, 0, 0.6);
      const assignedBy = r.weighted([
        ['central', 0.3],
        ['province', 0.5],
        ['prefecture', 0.2],
      ] as const);
      const caseAt = when;
      this.w.agenda.add(caseAt, async () => {
        const events = decide({ type: 'AddCampaignCase', matterId: m.id, assignedBy }, caseAt);
        if (!events) return;
        await this.w.ledger.write(stream, REGISTRAR, events);
        m.campaign = true;
        this.w.campaign!.cases.push(m);
        if (!m.state.owner) {
          const leader: LeaderKey = m.project ? m.project.owner : 'executive';
          this.w.schedule(later(r, cal, caseAt, 0.5, 10), () => this.course.own(m, leader));
        }
        // Resolutions follow the targets, with a margin: about 87 % by the end of June, 94 % by the end of July.
        const u = r.next();
        const resolveAt =
          u < 0.87
            ? later(r, cal, caseAt, 7, Math.max(8, (midnight(`${year}-06-27`) - caseAt) / DAY))
            : u < 0.94
              ? officeTime(r, nextWorkingDate(cal, addDays(`${year}-07-01` as LocalDate, r.int(0, 25))))
              : u < 0.98
                ? officeTime(r, nextWorkingDate(cal, addDays(`${year}-08-01` as LocalDate, r.int(0, 120))))
                : null;
        if (resolveAt !== null) this.w.schedule(resolveAt, (t) => this.course.resolve(m, t, CAMPAIGN_NOTE));
      });
    }
  }
}
