import { addDays, compareDates, lastDayAfterInstant, STATUTORY_LIMITS } from '@app/domain';
import { ACTION_KINDS, LEADERS, LeaderKey, NOT_ACCEPTED_REASONS, REMIT_REASONS, unitByCode, UNITS } from '../demo-city';
import { at, dateOf, iso, later, MINUTE, nextWorkingDate, officeTime } from '../demo-time';
import { SimMatter } from './simulated-matter';
import { handler, leaderActor, REGISTRAR, SimulationWorld } from './world';

const REPLY_NOTES: Record<string, string> = {
  supported: '经核实，诉求合理，已督促相关责任方限期解决并书面答复信访人',
  partially_supported: '部分诉求合理，已协调解决；其余诉求已依法依规向信访人解释说明',
  not_supported: '经调查核实，诉求缺乏政策依据，不予支持，已书面告知信访人',
  explained: '已向信访人解释相关政策规定，并告知其依法维权途径',
};

/** How the backlog campaign's cases are closed: only its own resolutions touch them. */
export const CAMPAIGN_NOTE = '经包案领导协调推动，问题已化解，信访人签订息诉罢访承诺书';

/**
 * A matter's course through the statutory steps at its unit's pace: assignment (or a
 * return as outside the unit's remit), acceptance, handling, an extension, the reply,
 * the petitioner's evaluation, review and re-review, resolution, and a leader's 包案.
 */
export class MatterCourse {
  constructor(private readonly w: SimulationWorld) {}

  async assign(m: SimMatter): Promise<void> {
    const r = this.w.rng;
    const now = this.w.clock;
    const s = m.state.status;
    if (s !== 'registered' && s !== 'returned') return;
    const reassigning = s === 'returned';
    // The bureau sometimes sends a matter to the wrong unit; that unit returns it (异议).
    let unit = m.home;
    if (!reassigning && r.chance(0.06)) {
      unit = r.weighted(UNITS.filter((u) => u.code !== m.home).map((u) => [u.code, u.profile.misrouteWeight] as const));
    }
    const mode =
      reassigning ||
      m.kind.endsWith('Collective') ||
      !['cityIndividual', 'online', 'sms', 'letter', 'phone'].includes(m.kind)
        ? 'assign'
        : 'transfer';
    if (!(await this.w.command(m, REGISTRAR, now, { type: 'AssignMatter', unit, mode, occurredAt: iso(now) }))) return;
    const assignment = m.state.assignments.length;
    const cal = this.w.settings.clock.calendar;
    const profile = unitByCode.get(unit)!.profile;
    const wrong = unit !== m.home;
    if ((wrong && r.chance(0.9)) || (!wrong && !m.returned && r.chance(profile.returnsOwn))) {
      this.w.schedule(later(r, cal, now, 0.3, 3), (t) => this.returnRemit(m, unit, assignment, t));
      return;
    }
    const late = r.chance(profile.lateAcceptance);
    const [min, max] = m.kind === 'online' ? [0.1, 3] : late ? [16, 24] : profile.acceptDays;
    this.w.schedule(later(r, cal, now, min, max), (t) => this.accept(m, unit, assignment, t));
  }

  private current(m: SimMatter, unit: string, assignment: number): boolean {
    const a = m.state.assignments[m.state.assignments.length - 1];
    return m.state.assignments.length === assignment && a?.unit === unit && a.returnedAt === null;
  }

  private async returnRemit(m: SimMatter, unit: string, assignment: number, now: number): Promise<void> {
    if (!this.current(m, unit, assignment) || m.state.assignments[assignment - 1].decidedAt) return;
    if (
      !(await this.w.command(m, handler(unit), now, {
        type: 'ReturnOutsideRemit',
        reason: this.w.rng.pick(REMIT_REASONS),
        occurredAt: iso(now),
      }))
    )
      return;
    m.returned = true;
    this.w.schedule(later(this.w.rng, this.w.settings.clock.calendar, now, 0.2, 3), () => this.assign(m));
  }

  private async accept(m: SimMatter, unit: string, assignment: number, now: number): Promise<void> {
    const r = this.w.rng;
    if (!this.current(m, unit, assignment) || m.state.assignments[assignment - 1].decidedAt) return;
    const refuse = r.chance(m.trueCategory === 'appeals' ? 0.25 : 0.03);
    const ok = await this.w.command(m, handler(unit), now, {
      type: 'DecideAcceptance',
      accepted: !refuse,
      reason: refuse ? r.pick(NOT_ACCEPTED_REASONS) : null,
      occurredAt: iso(now),
    });
    if (!ok || refuse) return;
    const cal = this.w.settings.clock.calendar;
    const profile = unitByCode.get(unit)!.profile;
    const acceptedAt = m.state.reply!.acceptedAt;
    const { lastDay } = lastDayAfterInstant(STATUTORY_LIMITS.reply, acceptedAt, this.w.settings.clock);
    let replyAt: number;
    if (m.kind === 'online') {
      // Platform complaints are chased by the platform: replied within weeks everywhere.
      replyAt = later(r, cal, now, 3, 20);
    } else if (r.chance(profile.extension)) {
      const extendAt = later(r, cal, now, 40, 56);
      const days = r.pick([15, 20, 30]);
      this.w.schedule(extendAt, (t) => this.extend(m, unit, days, t));
      replyAt = later(r, cal, now, 61, 58 + days);
    } else if (r.chance(profile.lateReply)) {
      replyAt = officeTime(r, nextWorkingDate(cal, addDays(lastDay, r.int(1, 25))));
    } else {
      replyAt = later(r, cal, now, profile.replyDays[0], Math.min(profile.replyDays[1], 58));
    }
    const actions = m.kind === 'online' ? r.int(0, 1) : r.int(1, 3);
    for (let i = 0; i < actions; i++) {
      const t = now + ((replyAt - now) * (i + 1)) / (actions + 1);
      const [kind, note] = r.pick(ACTION_KINDS);
      this.w.schedule(Math.round(t / MINUTE) * MINUTE, (tt) => this.act(m, unit, kind, note, tt));
    }
    this.w.schedule(replyAt, (t) => this.reply(m, unit, t));
  }

  private async act(m: SimMatter, unit: string, kind: string, note: string, now: number): Promise<void> {
    if (m.state.assignedUnit !== unit || m.state.status !== 'accepted') return;
    await this.w.command(m, handler(unit), now, { type: 'RecordHandlingAction', kind, note, occurredAt: iso(now) });
  }

  private async extend(m: SimMatter, unit: string, days: number, now: number): Promise<void> {
    if (m.state.assignedUnit !== unit || m.state.status !== 'accepted' || m.state.reply?.extension) return;
    await this.w.command(m, handler(unit), now, {
      type: 'ExtendDeadline',
      days,
      reason: '案情复杂，涉及多个部门，需进一步调查核实',
      approvedBy: LEADERS.executive.name,
      occurredAt: iso(now),
    });
  }

  private async reply(m: SimMatter, unit: string, now: number): Promise<void> {
    const r = this.w.rng;
    if (m.state.assignedUnit !== unit || m.state.status !== 'accepted') return;
    const outcome = r.weighted([
      ['supported', 0.36],
      ['partially_supported', 0.2],
      ['not_supported', 0.14],
      ['explained', 0.3],
    ] as const);
    if (
      !(await this.w.command(m, handler(unit), now, {
        type: 'IssueReply',
        outcome,
        note: REPLY_NOTES[outcome],
        occurredAt: iso(now),
      }))
    )
      return;
    const reply = m.state.reply!;
    const { lastDay } = lastDayAfterInstant(
      STATUTORY_LIMITS.reply,
      reply.acceptedAt,
      this.w.settings.clock,
      reply.extension?.days ?? 0,
    );
    if (compareDates(dateOf(now), lastDay) > 0) {
      const key = `${unit}|${dateOf(now).slice(0, 7)}`;
      const list = this.w.lateByUnitMonth.get(key) ?? [];
      list.push(m.id);
      this.w.lateByUnitMonth.set(key, list);
    }
    const cal = this.w.settings.clock.calendar;
    if (r.chance(m.kind === 'online' ? 0.7 : 0.8)) {
      const shift = { supported: 0.06, partially_supported: -0.02, not_supported: -0.3, explained: -0.06 }[outcome];
      this.w.schedule(later(r, cal, now, 1, 12), (t) => this.evaluate(m, unit, shift, t));
    } else if (r.chance(0.5)) {
      this.w.schedule(later(r, cal, now, 3, 30), (t) => this.resolve(m, t));
    }
  }

  private async evaluate(m: SimMatter, unit: string, shift: number, now: number): Promise<void> {
    const r = this.w.rng;
    const p = Math.max(0.05, Math.min(0.99, unitByCode.get(unit)!.profile.satisfaction + shift));
    const result = r.chance(p) ? (r.chance(0.7) ? 'satisfied' : 'basically_satisfied') : 'dissatisfied';
    if (!(await this.w.command(m, REGISTRAR, now, { type: 'EvaluateSatisfaction', result, occurredAt: iso(now) })))
      return;
    const cal = this.w.settings.clock.calendar;
    if (result !== 'dissatisfied') {
      if (r.chance(0.85)) this.w.schedule(later(r, cal, now, 0, 10), (t) => this.resolve(m, t));
      return;
    }
    m.dissatisfied = true;
    if (r.chance(0.08)) {
      const { lastDay } = lastDayAfterInstant(
        STATUTORY_LIMITS.review_request,
        m.state.reply!.repliedAt!,
        this.w.settings.clock,
      );
      const requestAt = Math.min(later(r, cal, now, 2, 14), at(lastDay, 10));
      this.w.schedule(requestAt, (t) => this.requestReview(m, 'review', t));
    } else if (r.chance(0.25)) {
      this.w.schedule(later(r, cal, now, 20, 120), (t) => this.resolve(m, t));
    }
  }

  private async requestReview(m: SimMatter, stage: 'review' | 're_review', now: number): Promise<void> {
    if (!(await this.w.command(m, REGISTRAR, now, { type: 'RequestReview', stage, occurredAt: iso(now) }))) return;
    this.w.schedule(later(this.w.rng, this.w.settings.clock.calendar, now, 10, 27), (t) =>
      this.decideReview(m, stage, t),
    );
  }

  private async decideReview(m: SimMatter, stage: 'review' | 're_review', now: number): Promise<void> {
    const r = this.w.rng;
    const upheld = r.chance(0.8);
    const ok = await this.w.command(m, leaderActor('executive'), now, {
      type: 'DecideReview',
      stage,
      outcome: upheld ? 'upheld' : 'revised',
      note: upheld ? '维持原处理意见' : '撤销原答复意见，责成承办单位重新办理',
      occurredAt: iso(now),
    });
    if (!ok || stage === 're_review' || !upheld || !r.chance(0.3)) return;
    const { lastDay } = lastDayAfterInstant(
      STATUTORY_LIMITS.re_review_request,
      m.state.review!.decidedAt!,
      this.w.settings.clock,
    );
    this.w.schedule(Math.min(later(r, this.w.settings.clock.calendar, now, 5, 25), at(lastDay, 10)), (t) =>
      this.requestReview(m, 're_review', t),
    );
  }

  async resolve(m: SimMatter, now: number, note = '问题已解决，信访人表示息诉罢访'): Promise<void> {
    if (m.state.resolved || !m.state.assignedUnit || (m.campaign && note !== CAMPAIGN_NOTE)) return;
    await this.w.command(m, handler(m.state.assignedUnit), now, { type: 'ResolveMatter', note, occurredAt: iso(now) });
  }

  async own(m: SimMatter, leader: LeaderKey): Promise<void> {
    if (m.state.owner === LEADERS[leader].name) return;
    await this.w.command(m, leaderActor(leader), this.w.clock, {
      type: 'AssignOwner',
      leader: LEADERS[leader].name,
      occurredAt: iso(this.w.clock),
    });
  }
}
