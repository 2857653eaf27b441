import {
  addDays,
  compareDates,
  holdMeeting,
  LocalDate,
  recordAccountabilityAction,
  recordReception,
  recordRiskAssessment,
  recordScreening,
  weekOf,
} from '@app/domain';
import {
  CURRENT_YEAR,
  DIVISION_LEADERS,
  LEADERS,
  LeaderKey,
  PREVIOUS_YEAR,
  RISK_PROJECTS,
  TOWNS,
  unitByCode,
  UNITS,
} from '../demo-city';
import { at, dateOf, DAY, isoWeekday, iso, midnight, MINUTE, nextWorkingDate, officeTime } from '../demo-time';
import { sensitive } from './seasons';
import { SimMatter } from './simulated-matter';
import { leaderActor, REGISTRAR, SimulationWorld } from './world';

/**
 * The bureau's routine: leaders' receptions (领导接访), the twice-monthly screening of
 * every unit (排查, daily in sensitive periods), risk assessments, the weekly judgment
 * meeting and the monthly joint meeting, and the monthly accountability for late replies.
 */
export class BureauRoutine {
  /** At a small scale the bureau's routine facts thin out with the contacts. */
  private readonly factShare: number;

  constructor(private readonly w: SimulationWorld) {
    this.factShare = Math.min(1, w.settings.scale * 2);
  }

  async day(date: LocalDate): Promise<void> {
    const cal = this.w.settings.clock.calendar;
    const r = this.w.rng;
    const working = cal.isWorkingDay(date);
    const year = Number(date.slice(0, 4));
    const volumes = year === this.w.settings.year ? CURRENT_YEAR : PREVIOUS_YEAR;
    const keep = () => this.factShare >= 1 || r.chance(this.factShare);
    if (working) {
      // 领导接访: the party secretary most Wednesdays, the mayor now and then, division-level leaders by turns.
      if (isoWeekday(date) === 3 && r.chance(0.8) && keep())
        this.reception(date, LEADERS.secretary.name, 1 + r.poisson(2.1), 3.2, 0.22);
      if (isoWeekday(date) === 4 && r.chance(0.12) && keep())
        this.reception(date, LEADERS.mayor.name, r.int(1, 2), 3.6, 0.3);
      if (r.chance(0.38) && keep()) this.reception(date, r.pick(DIVISION_LEADERS), 1 + r.poisson(1.4), 2.4, 0.48);
      // 排查: every town and department reports twice a month.
      const half = Number(date.slice(8, 10)) >= 16 ? '16' : '01';
      const firstWorking = nextWorkingDate(cal, `${date.slice(0, 8)}${half}` as LocalDate);
      if (firstWorking === date) {
        for (const unit of UNITS) {
          if (!keep()) continue;
          const found = r.poisson(unit.kind === 'town' ? 9 : 3.5);
          this.screening(officeTime(r, date), unit.code, found, r.binomial(found, 0.84));
        }
      }
      if (r.chance((volumes.riskAssessments * Math.max(this.w.settings.scale, 0.1)) / 250)) {
        const project = r.pick(RISK_PROJECTS);
        const passed = r.chance(volumes.riskPassRate);
        const when = officeTime(r, date);
        this.w.agenda.add(when, () =>
          this.w.fact(this.w.factStream('risk_assessment', when), REGISTRAR, () => [
            recordRiskAssessment(
              { type: 'RecordRiskAssessment', project, passed, occurredAt: iso(when) },
              { now: iso(when) },
            ),
          ]),
        );
      }
      if (this.lastWorkingDayOfWeek(date) && keep()) this.w.agenda.add(at(date, 15), () => this.weeklyMeeting(date));
      if (
        Number(date.slice(8, 10)) >= 10 &&
        nextWorkingDate(cal, `${date.slice(0, 8)}10` as LocalDate) === date &&
        r.chance(0.85) &&
        keep()
      ) {
        this.w.agenda.add(at(date, 9.5), () => this.jointMeeting(date));
      }
      if (nextWorkingDate(cal, `${date.slice(0, 8)}05` as LocalDate) === date && date > this.w.first) {
        this.w.agenda.add(at(date, 11), () => this.accountability(date));
      }
    }
    // In sensitive periods the towns report every day, zero reports included.
    if (sensitive(date)) {
      for (const unit of TOWNS) {
        if (!keep()) continue;
        const found = r.poisson(0.35);
        this.screening(at(date, r.between(17, 18.5)), unit.code, found, r.binomial(found, 0.9));
      }
    }
  }

  private reception(date: LocalDate, leader: string, batches: number, personsPerBatch: number, onSite: number): void {
    const r = this.w.rng;
    const persons = batches + r.poisson(batches * personsPerBatch);
    const resolvedOnSiteBatches = r.binomial(batches, onSite);
    const resolvedOnSitePersons = Math.min(
      persons,
      resolvedOnSiteBatches + r.poisson(resolvedOnSiteBatches * personsPerBatch),
    );
    const when = at(date, r.between(8.5, 11.5));
    this.w.agenda.add(when, () =>
      this.w.fact(this.w.factStream('reception', when), REGISTRAR, () => [
        recordReception(
          {
            type: 'RecordReception',
            occurredAt: iso(when),
            leader,
            batches,
            persons,
            resolvedOnSiteBatches,
            resolvedOnSitePersons,
          },
          { now: iso(when) },
        ),
      ]),
    );
  }

  private screening(when: number, unit: string, found: number, resolved: number): void {
    this.w.agenda.add(when, () =>
      this.w.fact(this.w.factStream('screening', when), REGISTRAR, () => [
        recordScreening({ type: 'RecordScreening', occurredAt: iso(when), unit, found, resolved }, { now: iso(when) }),
      ]),
    );
  }

  private lastWorkingDayOfWeek(date: LocalDate): boolean {
    const cal = this.w.settings.clock.calendar;
    const week = weekOf(date);
    let workingDays = 0;
    let last: LocalDate | null = null;
    for (let d = week.from; compareDates(d, week.to) <= 0; d = addDays(d, 1)) {
      if (cal.isWorkingDay(d)) {
        workingDays += 1;
        last = d;
      }
    }
    // Holiday weeks (Spring Festival, National Day) have no judgment meeting.
    return last === date && workingDays >= 3;
  }

  /** Matters worth the leaders' time: recent escalations and big visits, open campaign cases. */
  private agendaMatters(nowMs: number, count: number): SimMatter[] {
    const horizon = nowMs - 21 * DAY;
    while (
      this.w.hot.length > 0 &&
      Date.parse(this.w.hot[0].state.contacts[this.w.hot[0].state.contacts.length - 1].occurredAt) < horizon - 60 * DAY
    )
      this.w.hot.shift();
    const recent = this.w.hot.filter(
      (m) => !m.state.resolved && Date.parse(m.state.contacts[m.state.contacts.length - 1].occurredAt) >= horizon,
    );
    const campaign = this.w.campaign?.cases.filter((m) => !m.state.resolved) ?? [];
    const chosen = new Set<SimMatter>();
    for (let i = 0; i < count * 4 && chosen.size < count; i++) {
      const list = campaign.length > 0 && this.w.rng.chance(0.4) ? campaign : recent;
      if (list.length > 0) chosen.add(this.w.rng.pick(list));
    }
    return [...chosen];
  }

  private decisions(date: LocalDate, matters: SimMatter[]) {
    const r = this.w.rng;
    return matters.map((m) => {
      const unit = m.state.assignedUnit ?? m.state.responsibleUnit;
      const days = r.pick([7, 10, 15, 30]);
      const unitName = unitByCode.get(unit)?.name ?? unit;
      const decision = r.pick([
        `由${unitName}牵头，${days}日内拿出化解方案并报市信访局`,
        `${unitName}主要负责同志包案，限期答复信访人`,
        `${unitName}会同人社局核实欠薪数额，督促企业限期支付`,
        `依法依规处理，${unitName}做好信访人思想疏导工作`,
      ]);
      return { matterId: m.id, decision, unit, dueBy: addDays(date, days) };
    });
  }

  private async weeklyMeeting(date: LocalDate): Promise<void> {
    const now = at(date, 15);
    const chairKey: LeaderKey = this.w.rng.chance(0.75) ? 'secretary' : 'mayor';
    const decisions = this.decisions(date, this.agendaMatters(now, this.w.rng.int(1, 4)));
    const meetingId = `wj-${weekOf(date).id}`;
    await this.w.fact(`meeting-${meetingId}`, leaderActor(chairKey), () => [
      holdMeeting(
        {
          type: 'HoldMeeting',
          meetingId,
          occurredAt: iso(now),
          kind: 'weekly_judgment',
          chair: LEADERS[chairKey].name,
          decisions,
        },
        { now: iso(now) },
      ),
    ]);
  }

  private async jointMeeting(date: LocalDate): Promise<void> {
    const now = at(date, 9.5);
    const decisions = this.decisions(date, this.agendaMatters(now, this.w.rng.int(2, 5)));
    const meetingId = `joint-${date.slice(0, 7)}`;
    await this.w.fact(`meeting-${meetingId}`, leaderActor('executive'), () => [
      holdMeeting(
        {
          type: 'HoldMeeting',
          meetingId,
          occurredAt: iso(now),
          kind: 'joint',
          chair: LEADERS.executive.name,
          decisions,
        },
        { now: iso(now) },
      ),
    ]);
  }

  /** 通报批评 of the unit with the most late replies last month; now and then its head is summoned (约谈). */
  private async accountability(date: LocalDate): Promise<void> {
    const now = at(date, 11);
    const previous = dateOf(midnight(`${date.slice(0, 8)}01`) - DAY).slice(0, 7);
    const late = UNITS.map((u) => ({ unit: u, matters: this.w.lateByUnitMonth.get(`${u.code}|${previous}`) ?? [] }))
      .filter((x) => x.matters.length >= 2)
      .sort((a, b) => b.matters.length - a.matters.length || a.unit.code.localeCompare(b.unit.code));
    if (late.length === 0) return;
    const worst = late[0];
    const grounds = { matters: worst.matters.slice(0, 10) };
    await this.w.fact(this.w.factStream('accountability', now), leaderActor('executive'), () => [
      recordAccountabilityAction(
        { type: 'RecordAccountabilityAction', occurredAt: iso(now), kind: 'criticism', unit: worst.unit.code, grounds },
        { now: iso(now) },
      ),
    ]);
    if (this.w.rng.chance(0.65)) {
      const summoned = late[Math.min(late.length - 1, this.w.rng.int(0, 1))];
      const when = now + 2 * 60 * MINUTE;
      await this.w.fact(this.w.factStream('accountability', when), leaderActor('executive'), () => [
        recordAccountabilityAction(
          {
            type: 'RecordAccountabilityAction',
            occurredAt: iso(when),
            kind: 'summons',
            unit: summoned.unit.code,
            person: `${summoned.unit.name}${summoned.unit.head}`,
            grounds: { matters: summoned.matters.slice(0, 10) },
          },
          { now: iso(when) },
        ),
      ]);
    }
  }
}
