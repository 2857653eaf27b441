import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FixedClock } from '@app/runtime';
import type { ReminderTimer } from '../apps/api/src/reminders';
import { Actors, PERSON, seedActors } from './support/actors';
import { API, expectProblem, expectRefused, MatterApi } from './support/matter-api';
import { startTestApp, TestApp } from './support/test-app';

/** The scheduler's timer, fired by the test: it records each wait it was asked for. */
class ManualTimer implements ReminderTimer {
  readonly waits: number[] = [];
  private pending: (() => Promise<void>) | null = null;

  schedule(run: () => Promise<void>, ms: number) {
    this.waits.push(ms);
    this.pending = run;
    return { cancel: () => (this.pending = null) };
  }

  async fire(): Promise<void> {
    const run = this.pending;
    this.pending = null;
    if (!run) throw new Error('nothing scheduled');
    await run();
  }
}

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver answering like a group robot (errcode 0). */
async function receiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const MINUTE = 60_000;
const SECRET = 'hmac-secret-9f3a1c77';
const ROBOT_KEY = 'robot-key-5e0b2d11';

describe('the daily reminder (日提醒) over HTTP: the digest, its channels and the timer', () => {
  const clock = new FixedClock('2022-04-29T07:00:00+08:00', 'Asia/Shanghai');
  const timer = new ManualTimer();
  let t: TestApp;
  let a: Actors;
  let api: MatterApi;
  let hooks: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    hooks = await receiver();
    t = await startTestApp({ LEDGER_REMINDER_AT: '08:30' }, { clock, reminderTimer: timer });
    a = await seedActors(t);
    api = new MatterApi(t, a);
    // With dept-housing, accepted 03-05: its reply is due 05-05, the 1st working day after the Labour Day holiday.
    await api.matterAt('accepted', {}, 'XF-R1');
    // Registered 04-01 and never transferred: the bureau's own duty, overdue by 04-29.
    await api.post('/matters', a.registrar, {
      ...{ id: 'XF-R2', category: 'health', responsibleUnit: 'town-a', summary: '反映医疗纠纷', petitioners: [PERSON] },
      contact: { occurredAt: '2022-04-01T09:00:00+08:00', channel: 'visit' },
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((done) => hooks.server.close(() => done()));
  });

  it('lists each unit’s duties due that day, within 3 working days and overdue, with limit, days left and unit name', async () => {
    const res = await api.get('/reminders/2022-04-29', a.leader).expect(200);
    expect(res.body.date).toBe('2022-04-29');
    expect(res.body.asOf).toMatch(/^\d+$/);
    const byUnit = Object.fromEntries(res.body.units.map((u: { unit: string }) => [u.unit, u]));
    expect(Object.keys(byUnit).sort()).toEqual(['bureau', 'dept-housing']);
    expect(byUnit['dept-housing']).toMatchObject({
      name: '住建局',
      dueToday: [],
      overdue: [],
      dueSoon: [{ matterId: 'XF-R1', step: 'reply', lastDay: '2022-05-05', daysLeft: 6, owner: null }],
    });
    expect(byUnit.bureau.name).toBe('信访局');
    expect(byUnit.bureau.overdue).toEqual([
      expect.objectContaining({ matterId: 'XF-R2', category: 'health', daysLeft: expect.any(Number) }),
    ]);
    expect(byUnit.bureau.overdue[0].daysLeft).toBeLessThan(0);
    // Nothing about the petitioner or the summary.
    const text = JSON.stringify(res.body);
    for (const personal of [PERSON.name, PERSON.idNumber, PERSON.phone, '医疗纠纷'])
      expect(text).not.toContain(personal);
  });

  it('defaults to today by the injected clock; a handler sees only its own units', async () => {
    const today = await api.get('/reminders', a.analyst).expect(200);
    const dated = await api.get('/reminders/2022-04-29', a.analyst).expect(200);
    expect(today.body).toEqual(dated.body);
    const mine = await api.get('/reminders/2022-04-29', a.handler).expect(200);
    expect(mine.body.units.map((u: { unit: string }) => u.unit)).toEqual(['dept-housing']);
    const other = await api.get('/reminders/2022-04-29', a.otherHandler).expect(200);
    expect(other.body.units).toEqual([]);
  });

  it('refuses a bad date and asks for a token', async () => {
    expectProblem(await api.get('/reminders/2022-02-30', a.leader), 400);
    expectProblem(await api.get('/reminders/tomorrow', a.leader), 400);
    await api.get('/reminders/2022-04-29', null).expect(401);
  });

  it('configures channels (admin only), refusing bad ones and appending nothing for them', async () => {
    const channel = { unit: 'dept-housing', format: 'json', url: `${hooks.url}/ledger-hook`, secret: SECRET };
    await expectRefused(t, () => api.post('/reminder-channels', a.leader, channel), 403);
    await expectRefused(t, () => api.post('/reminder-channels', a.registrar, channel), 403);
    const fields = async (body: object, status = 400) =>
      (
        (await expectRefused(t, () => api.post('/reminder-channels', a.admin, body), status)).body.errors as {
          field: string;
        }[]
      ).map((e) => e.field);
    expect(await fields({ ...channel, secret: undefined })).toEqual(['secret']);
    expect(await fields({ ...channel, format: 'wecom' })).toEqual(['secret']);
    expect(await fields({ ...channel, format: 'sms' })).toEqual(['format']);
    expect(await fields({ ...channel, url: 'ftp://example.org/hook' })).toEqual(['url']);
    expect(await fields({ ...channel, unit: 'town-zz' }, 422)).toEqual(['unit']);

    const json = await api.post('/reminder-channels', a.admin, channel).expect(201);
    expect(json.body).toEqual({ id: 'dept-housing-json', revision: 0, position: expect.stringMatching(/^\d+$/) });
    const wecom = await api
      .post('/reminder-channels', a.admin, {
        unit: 'bureau',
        format: 'wecom',
        url: `${hooks.url}/cgi-bin/webhook/send?key=${ROBOT_KEY}`,
      })
      .expect(201);
    expect(wecom.body.id).toBe('bureau-wecom');
    expect(JSON.stringify([json.body, wecom.body])).not.toContain(SECRET);
  });

  it('keeps the secret and the robot key out of the ledger, its files and its audit export', async () => {
    const [event] = await t.store().readStream('reminder_channel-bureau-wecom');
    expect(event.data).toMatchObject({ endpoint: `${hooks.url}/cgi-bin/webhook/send`, secret: null });
    const head = (await t.store().head()).position.toString();
    const exported = await api.get(`/audit/events?fromIndex=0&limit=10000&minPosition=${head}`, a.auditor).expect(200);
    for (const secret of [SECRET, ROBOT_KEY]) {
      expect(exported.text).not.toContain(secret);
      for (const file of readdirSync(t.dataDir)) {
        if (file.startsWith('keys.sqlite')) continue; // the sealing key's home, never the secret itself
        expect(readFileSync(join(t.dataDir, file)).includes(secret)).toBe(false);
      }
    }
  });

  it('runs at LEDGER_REMINDER_AT by the injected clock: each unit its digest once, signed JSON and WeCom markdown', async () => {
    // Start-up run at 07:00: nothing due yet; then it waits 90 minutes, to 08:30.
    expect(timer.waits[0]).toBe(0);
    await timer.fire();
    expect(hooks.received).toEqual([]);
    expect(timer.waits[timer.waits.length - 1]).toBe(90 * MINUTE);

    clock.set('2022-04-29T08:30:00+08:00');
    await timer.fire();
    expect(timer.waits[timer.waits.length - 1]).toBe(24 * 60 * MINUTE);
    expect(hooks.received.map((r) => r.path).sort()).toEqual([
      `/cgi-bin/webhook/send?key=${ROBOT_KEY}`,
      '/ledger-hook',
    ]);
    const json = hooks.received.find((r) => r.path === '/ledger-hook')!;
    const timestamp = json.headers['x-ledger-timestamp'] as string;
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${json.body}`).digest('hex');
    expect(json.headers['x-ledger-signature']).toBe(`sha256=${expected}`);
    expect(JSON.parse(json.body)).toMatchObject({ type: 'daily_reminder', unit: 'dept-housing', date: '2022-04-29' });
    const robot = hooks.received.find((r) => r.path.startsWith('/cgi-bin'))!;
    expect(JSON.parse(robot.body).msgtype).toBe('markdown');
    expect(robot.body).toContain('XF-R2');
    for (const r of hooks.received) expect(r.body).not.toContain(PERSON.name);

    const [recorded, delivered] = await t.store().readStream('reminder-dept-housing-2022-04-29');
    expect(recorded.type).toBe('ReminderDigestRecorded');
    expect(delivered.type).toBe('ReminderDelivered');

    // A second run the same day records and sends nothing more.
    clock.set('2022-04-29T09:00:00+08:00');
    await timer.fire();
    expect(hooks.received).toHaveLength(2);
  });

  it('is off when LEDGER_REMINDER_AT is unset', async () => {
    const idle = new ManualTimer();
    const off = await startTestApp({}, { clock, reminderTimer: idle });
    try {
      expect(idle.waits).toEqual([]);
    } finally {
      await off.close();
    }
  });
});

describe('the OpenAPI document of the reminder endpoints', () => {
  it('names each operation and its problem responses', async () => {
    const t = await startTestApp();
    try {
      const doc = (await t.http().get('/api/docs-json').expect(200)).body;
      const ops = [
        [doc.paths[`${API}/reminders`].get, 'getRemindersToday'],
        [doc.paths[`${API}/reminders/{date}`].get, 'getReminders'],
        [doc.paths[`${API}/reminder-channels`].post, 'configureReminderChannel'],
        [doc.paths[`${API}/instructions`].post, 'recordInstruction'],
        [doc.paths[`${API}/matters/{id}/upper-assignments`].post, 'recordUpperAssignment'],
      ];
      for (const [op, id] of ops) {
        expect(op.operationId).toBe(id);
        expect(op.responses['401'].content['application/problem+json']).toBeDefined();
      }
      expect(doc.paths[`${API}/reminder-channels`].post.responses['400']).toBeDefined();
    } finally {
      await t.close();
    }
  });
});
