import { ADMIN_TOKEN, TestApp } from './test-app';
import { auth } from './actors';

export const API = '/api/v1';

/** `day('04-15')` is 10:00 in Shanghai on 2022-04-15. */
export const day = (mmdd: string, time = '10:00'): string => `2022-${mmdd}T${time}:00+08:00`;

export type AcceptancePlan = 'on_time' | 'late' | 'none';
export type ReplyPlan = 'on_time' | 'late' | 'none';
export type Evaluation = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

export interface ReplyMatterPlan {
  reply: ReplyPlan;
  resolved?: boolean;
  evaluation?: Evaluation;
  /** Further contacts (repeats) in April. */
  repeats?: number;
}

/**
 * Builds a month of matters through the HTTP API, by the roles API.md names:
 * registrars open, assign and record contacts and evaluations; the handler of
 * the assigned unit accepts, replies and resolves.
 */
export class RhythmFixture {
  readonly handlers = new Map<string, string>();
  registrar = '';
  analyst = '';
  leader = '';
  private counter = 0;

  constructor(public t: TestApp) {}

  async post(path: string, token: string, body: object): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await this.t.http().post(`${API}${path}`).set(auth(token)).send(body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  async principal(name: string, role: string, units?: string[]): Promise<string> {
    const res = await this.post('/principals', ADMIN_TOKEN, { name, role, units });
    return res.body.token as string;
  }

  async setUp(units: { code: string; name: string; kind: string }[]): Promise<void> {
    for (const unit of units) {
      await this.post('/units', ADMIN_TOKEN, unit);
      this.handlers.set(unit.code, await this.principal(`经办人 ${unit.name}`, 'handler', [unit.code]));
    }
    this.registrar = await this.principal('登记员 王', 'registrar');
    this.analyst = await this.principal('分析员 孙', 'analyst');
    this.leader = await this.principal('副市长 张', 'leader');
  }

  handler(unit: string): string {
    const token = this.handlers.get(unit);
    if (!token) throw new Error(`no handler for ${unit}`);
    return token;
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${String(this.counter).padStart(3, '0')}`;
  }

  async open(
    id: string,
    unit: string,
    occurredAt: string,
    extra: Record<string, unknown> = {},
    contact: Record<string, unknown> = {},
  ): Promise<void> {
    await this.post('/matters', this.registrar, {
      id,
      category: 'urban_rural_construction',
      responsibleUnit: unit,
      summary: '反映问题',
      petitioners: [{ name: '李四', phone: '13900001111' }],
      contact: { occurredAt, channel: 'visit', level: 'city', headcount: 1, ...contact },
      ...extra,
    });
  }

  async assign(id: string, unit: string, occurredAt: string): Promise<void> {
    await this.post(`/matters/${id}/assignments`, this.registrar, { unit, mode: 'transfer', occurredAt });
  }

  async accept(id: string, unit: string, occurredAt: string): Promise<void> {
    await this.post(`/matters/${id}/acceptance`, this.handler(unit), { accepted: true, occurredAt });
  }

  async contact(id: string, occurredAt: string, contact: Record<string, unknown> = {}): Promise<void> {
    await this.post(`/matters/${id}/contacts`, this.registrar, {
      contact: { occurredAt, channel: 'visit', level: 'city', headcount: 1, ...contact },
    });
  }

  /**
   * A matter received and transferred on 04-01, so its acceptance is due 04-18
   * (15 days is 04-16, a Saturday): decided 04-15 (on time), 04-20 (late) or never.
   */
  async acceptanceMatter(unit: string, plan: AcceptancePlan): Promise<string> {
    const id = this.nextId(`${unit}-acc`);
    await this.open(id, unit, day('04-01', '09:00'));
    await this.assign(id, unit, day('04-01'));
    if (plan === 'on_time') await this.accept(id, unit, day('04-15'));
    if (plan === 'late') await this.accept(id, unit, day('04-20'));
    return id;
  }

  /**
   * A matter accepted on 02-10, so its reply is due 04-11 (60 days): replied
   * 04-08 (on time), 04-15 (late) or never; then resolved on 04-25, evaluated on
   * 04-20, and contacted again in April as the plan says.
   */
  async replyMatter(unit: string, plan: ReplyMatterPlan): Promise<string> {
    const id = this.nextId(`${unit}-rep`);
    await this.open(id, unit, day('02-08', '09:00'));
    await this.assign(id, unit, day('02-09'));
    await this.accept(id, unit, day('02-10'));
    if (plan.reply === 'on_time')
      await this.post(`/matters/${id}/replies`, this.handler(unit), {
        outcome: 'supported',
        note: '已答复',
        occurredAt: day('04-08'),
      });
    if (plan.reply === 'late')
      await this.post(`/matters/${id}/replies`, this.handler(unit), {
        outcome: 'explained',
        note: '已答复',
        occurredAt: day('04-15'),
      });
    if (plan.evaluation)
      await this.post(`/matters/${id}/evaluations`, this.registrar, {
        result: plan.evaluation,
        occurredAt: day('04-20'),
      });
    if (plan.resolved)
      await this.post(`/matters/${id}/resolution`, this.handler(unit), { note: '已化解', occurredAt: day('04-25') });
    for (let i = 0; i < (plan.repeats ?? 0); i++) await this.contact(id, day(`04-${String(12 + i).padStart(2, '0')}`));
    return id;
  }

  async head(): Promise<string> {
    return (await this.t.store().head()).position.toString();
  }
}
