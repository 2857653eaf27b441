import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHmac } from 'node:crypto';
import { digestMarkdown } from '@app/domain';
import { SqliteEventStore } from '@app/ledger';
import { ReminderChannel, ReminderOutbox } from './reminder-outbox';
import { FIXTURE_CHANNEL, FIXTURE_DIGEST } from './reminder-outbox.fixture';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local receiver answering each request with the next status in `script` (then 200), as the robots do. */
async function receiver(
  script: number[] = [],
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      const status = script.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { errcode: 0, errmsg: 'ok' } : { errcode: 500 }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((done) => server.close(() => done())) };
}

const NOW = new Date('2022-04-29T00:30:00.000Z'); // 08:30 in Shanghai

function outboxOn(store: SqliteEventStore, sleeps: number[] = []) {
  return new ReminderOutbox(
    { store, now: () => NOW, sleep: (ms) => (sleeps.push(ms), Promise.resolve()), fetch, unitName: () => '城关镇' },
    { attempts: 5, firstDelayMs: 1000 },
  );
}

describe('the reminder outbox delivering to webhooks', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    store = SqliteEventStore.open({ file: join(dir, 'ledger.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends generic JSON signed with HMAC over timestamp and body, and records the acknowledgement', async () => {
    const hook = await receiver();
    const channel: ReminderChannel = { ...FIXTURE_CHANNEL, url: `${hook.url}/hook` };
    const outbox = outboxOn(store);
    await outbox.record([FIXTURE_DIGEST], [channel]);
    expect((await outbox.deliverPending([channel])).acknowledged).toBe(1);
    await hook.close();
    expect(hook.received).toHaveLength(1);
    const [{ headers, body }] = hook.received;
    const timestamp = headers['x-ledger-timestamp'] as string;
    expect(timestamp).toBe(String(NOW.getTime() / 1000));
    const expected = createHmac('sha256', 'hook-secret').update(`${timestamp}.${body}`).digest('hex');
    expect(headers['x-ledger-signature']).toBe(`sha256=${expected}`);
    expect(headers['x-ledger-delivery']).toBe('reminder-town-a-2022-04-29/ch-json');
    expect(JSON.parse(body)).toEqual({ type: 'daily_reminder', unitName: '城关镇', ...FIXTURE_DIGEST });
    const events = await store.readStream('reminder-town-a-2022-04-29');
    expect(events.map((e) => e.type)).toEqual(['ReminderDigestRecorded', 'ReminderDelivered']);
    expect(await outbox.pending()).toEqual([]);
  });

  it('sends WeCom robot markdown and DingTalk markdown on the signed URL', async () => {
    const hook = await receiver();
    const wecom: ReminderChannel = {
      channelId: 'ch-wecom',
      unit: 'town-a',
      format: 'wecom',
      url: `${hook.url}/cgi-bin/webhook/send?key=K`,
      secret: null,
    };
    const ding: ReminderChannel = {
      channelId: 'ch-ding',
      unit: 'town-a',
      format: 'dingtalk',
      url: `${hook.url}/robot/send?access_token=T`,
      secret: 'SECx',
    };
    const outbox = outboxOn(store);
    await outbox.record([FIXTURE_DIGEST], [wecom, ding]);
    expect((await outbox.deliverPending([wecom, ding])).acknowledged).toBe(2);
    await hook.close();
    const markdown = digestMarkdown(FIXTURE_DIGEST, '城关镇');
    const byPath = (p: string) => hook.received.find((r) => r.path.startsWith(p))!;
    expect(JSON.parse(byPath('/cgi-bin').body)).toEqual({ msgtype: 'markdown', markdown: { content: markdown.text } });
    const dingRequest = byPath('/robot');
    expect(JSON.parse(dingRequest.body)).toEqual({ msgtype: 'markdown', markdown });
    const query = new URL(dingRequest.path, hook.url).searchParams;
    expect(query.get('access_token')).toBe('T');
    expect(query.get('timestamp')).toBe(String(NOW.getTime()));
    expect(query.get('sign')).toBe(createHmac('sha256', 'SECx').update(`${NOW.getTime()}\nSECx`).digest('base64'));
    // Nothing about petitioners: the message holds ids, steps, limits and the owning leader only.
    expect(markdown.text).not.toMatch(/petitioner|idNumber|phone/);
  });

  it('retries a receiver that fails twice, with growing back-off, then records one delivery', async () => {
    const hook = await receiver([500, 503]);
    const channel: ReminderChannel = { ...FIXTURE_CHANNEL, url: hook.url };
    const sleeps: number[] = [];
    const outbox = outboxOn(store, sleeps);
    await outbox.record([FIXTURE_DIGEST], [channel]);
    expect((await outbox.deliverPending([channel])).acknowledged).toBe(1);
    expect((await outbox.deliverPending([channel])).acknowledged).toBe(0);
    await hook.close();
    expect(hook.received).toHaveLength(3);
    expect(sleeps).toEqual([1000, 2000]);
    const delivered = (await store.readStream('reminder-town-a-2022-04-29')).filter(
      (e) => e.type === 'ReminderDelivered',
    );
    expect(delivered.map((e) => e.data)).toEqual([{ channelId: 'ch-json', attempts: 3 }]);
  });

  it('keeps a digest pending while its receiver is down, and records the same unit and day only once', async () => {
    const hook = await receiver([500, 500, 500, 500, 500]);
    const channel: ReminderChannel = { ...FIXTURE_CHANNEL, url: hook.url };
    const outbox = outboxOn(store);
    await outbox.record([FIXTURE_DIGEST], [channel]);
    await outbox.record([FIXTURE_DIGEST], [channel]);
    expect((await outbox.deliverPending([channel])).acknowledged).toBe(0);
    expect((await outbox.pending()).map((p) => p.channelId)).toEqual(['ch-json']);
    expect((await outbox.deliverPending([channel])).acknowledged).toBe(1);
    await hook.close();
    expect((await store.readStream('reminder-town-a-2022-04-29')).map((e) => e.type)).toEqual([
      'ReminderDigestRecorded',
      'ReminderDelivered',
    ]);
  });

  it('sends, once, after a restart, a digest recorded by a process killed before it sent it', async () => {
    const hook = await receiver();
    const file = join(dir, 'killed.db');
    const register = resolve(__dirname, '../../../../test/support/register-ts.js');
    await new Promise<void>((done, fail) => {
      const child = spawn(
        process.execPath,
        ['-r', register, resolve(__dirname, 'reminder-kill-child.ts'), file, hook.url],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      child.stdout.on('data', (c: Buffer) => {
        if (c.toString().includes('recorded')) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? done() : fail(new Error(`child exited ${code}: ${stderr}`)),
      );
    });
    expect(hook.received).toHaveLength(0);
    const restarted = SqliteEventStore.open({ file });
    try {
      const outbox = outboxOn(restarted);
      const channel = { ...FIXTURE_CHANNEL, url: hook.url };
      expect((await outbox.deliverPending([channel])).acknowledged).toBe(1);
      expect((await outbox.deliverPending([channel])).acknowledged).toBe(0);
      await outbox.record([FIXTURE_DIGEST], [channel]);
      expect((await outbox.deliverPending([channel])).acknowledged).toBe(0);
    } finally {
      await restarted.close();
      await hook.close();
    }
    expect(hook.received).toHaveLength(1);
  });
});
