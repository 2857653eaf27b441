import type { Response } from 'supertest';
import { Actors, auth, openMatterBody, seedActors } from './actors';
import { startTestApp, TestApp } from './test-app';

export const API = '/api/v1';

/** Every error is an RFC 9457 problem with the fields API.md names. */
export function expectProblem(res: Response, status: number, detail?: string | RegExp): void {
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^https?:\/\/\S+$/),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      errors: expect.any(Array),
    }),
  );
  for (const error of res.body.errors)
    expect(error).toEqual({ field: expect.any(String), message: expect.any(String) });
  if (detail !== undefined)
    expect(res.body.detail).toEqual(
      typeof detail === 'string' ? expect.stringContaining(detail) : expect.stringMatching(detail),
    );
}

/** A write that must be refused with `status` and append nothing to the ledger. */
export async function expectRefused(
  t: TestApp,
  send: () => PromiseLike<Response>,
  status: number,
  detail?: string | RegExp,
): Promise<Response> {
  const before = await t.eventCount();
  const res = await send();
  expectProblem(res, status, detail);
  expect(await t.eventCount()).toBe(before);
  return res;
}

/** A write that must succeed with 201 `{id, revision, position}` and append at least one event. */
export async function expectWritten(t: TestApp, send: () => PromiseLike<Response>): Promise<Response> {
  const before = await t.eventCount();
  const res = await send();
  if (res.status !== 201) throw new Error(`expected 201, got ${res.status}: ${JSON.stringify(res.body)}`);
  expect(res.body).toEqual(
    expect.objectContaining({
      id: expect.any(String),
      revision: expect.any(Number),
      position: expect.stringMatching(/^\d+$/),
    }),
  );
  expect(await t.eventCount()).toBeGreaterThan(before);
  return res;
}

/** The stages a matter goes through, each reached by the writes of the ones before it. */
export const STAGES = [
  'registered',
  'assigned',
  'accepted',
  'replied',
  'under_review',
  'reviewed',
  'under_re_review',
  'final',
] as const;
export type Stage = (typeof STAGES)[number];

/** Dates of the standard course: opened 2022-03-01, transferred to dept-housing 03-02, accepted 03-05, replied 04-20, … */
export const AT = {
  opened: '2022-03-01T09:30:00+08:00',
  assigned: '2022-03-02T10:00:00+08:00',
  accepted: '2022-03-05T10:00:00+08:00',
  replied: '2022-04-20T10:00:00+08:00',
  reviewRequested: '2022-05-10T10:00:00+08:00',
  reviewDecided: '2022-05-20T10:00:00+08:00',
  reReviewRequested: '2022-06-01T10:00:00+08:00',
  reReviewDecided: '2022-06-20T10:00:00+08:00',
};

/** The real app, the cast of actors and the API helper: what every matter suite starts with. */
export async function startMatterApi(
  env: Record<string, string> = {},
): Promise<{ t: TestApp; a: Actors; m: MatterApi }> {
  const t = await startTestApp(env);
  const a = await seedActors(t);
  return { t, a, m: new MatterApi(t, a) };
}

/** When a matter of the statutory-clock examples was received by letter, transferred and accepted. */
export interface CourseDates {
  opened: string;
  /** Transferred to dept-housing. */
  transferred?: string;
  /** Accepted by dept-housing's handler; needs `transferred`. */
  accepted?: string;
}

export class MatterApi {
  private counter = 0;

  constructor(
    readonly t: TestApp,
    readonly a: Actors,
  ) {}

  post(path: string, token: string | null, body: unknown, headers: Record<string, string> = {}) {
    const req = this.t.http().post(`${API}${path}`);
    if (token !== null) req.set(auth(token));
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req.send(body as object);
  }

  get(path: string, token: string | null) {
    const req = this.t.http().get(`${API}${path}`);
    if (token !== null) req.set(auth(token));
    return req;
  }

  nextId(prefix = 'M'): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  /** A matter taken to `stage` along the standard course, by the roles API.md names for each step. */
  async matterAt(stage: Stage, overrides: Record<string, unknown> = {}, id = this.nextId()): Promise<string> {
    const { a } = this;
    const steps: [string, string, object][] = [
      [
        '',
        a.registrar,
        openMatterBody({ id, contact: { occurredAt: AT.opened, channel: 'visit', headcount: 1 }, ...overrides }),
      ],
      [`/${id}/assignments`, a.registrar, { unit: 'dept-housing', mode: 'transfer', occurredAt: AT.assigned }],
      [`/${id}/acceptance`, a.handler, { accepted: true, occurredAt: AT.accepted }],
      [`/${id}/replies`, a.handler, { outcome: 'supported', note: '已督促支付', occurredAt: AT.replied }],
      [`/${id}/reviews`, a.registrar, { stage: 'review', occurredAt: AT.reviewRequested }],
      [
        `/${id}/reviews/decisions`,
        a.leader,
        { stage: 'review', outcome: 'upheld', note: '维持', occurredAt: AT.reviewDecided },
      ],
      [`/${id}/reviews`, a.registrar, { stage: 're_review', occurredAt: AT.reReviewRequested }],
      [
        `/${id}/reviews/decisions`,
        a.leader,
        { stage: 're_review', outcome: 'upheld', note: '维持', occurredAt: AT.reReviewDecided },
      ],
    ];
    return this.setUp(id, steps.slice(0, STAGES.indexOf(stage) + 1));
  }

  /** A matter received by letter on `opened`, then transferred and accepted on the dates given. */
  async matterOn(dates: CourseDates, id = this.nextId()): Promise<string> {
    const { a } = this;
    const steps: [string, string, object][] = [
      ['', a.registrar, openMatterBody({ id, contact: { channel: 'letter', occurredAt: dates.opened } })],
    ];
    if (dates.transferred) {
      const transfer = { unit: 'dept-housing', mode: 'transfer', occurredAt: dates.transferred };
      steps.push([`/${id}/assignments`, a.registrar, transfer]);
    }
    if (dates.accepted) steps.push([`/${id}/acceptance`, a.handler, { accepted: true, occurredAt: dates.accepted }]);
    return this.setUp(id, steps);
  }

  /** Each write of a set-up must succeed (201), or the test stops there, naming the step. */
  private async setUp(id: string, steps: [string, string, object][]): Promise<string> {
    for (const [path, token, body] of steps) {
      const res = await this.post(`/matters${path}`, token, body);
      if (res.status !== 201) throw new Error(`setting up ${id} at ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return id;
  }

  /** The first petitioner's id, as the registrar sees the matter. */
  async petitionerOf(id: string): Promise<string> {
    const res = await this.get(`/matters/${id}`, this.a.registrar).expect(200);
    return res.body.petitioners[0].id as string;
  }
}
