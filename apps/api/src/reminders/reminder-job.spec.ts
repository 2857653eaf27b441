import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureReminderChannel } from '@app/domain';
import { at, ev, officialCalendar } from '@app/domain/testing';
import { SqliteEventStore } from '@app/ledger';
import { mattersProjection } from '@app/projections';
import { applyAll, envelopes, onStream, readModelDb } from '@app/projections/testing';
import { SecretBox } from '@app/security';
import { CHANNEL_SECRET_KEY, ReminderJob } from './reminder-job';
import { ReminderOutbox } from './reminder-outbox';

const settings = { timeZone: 'Asia/Shanghai', calendar: officialCalendar, rollForward: true };

describe('the daily reminder job', () => {
  it('sends nothing before LEDGER_REMINDER_AT, then each unit its digest once, to its own channel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reminder-job-'));
    const store = SqliteEventStore.open({ file: join(dir, 'ledger.db') });
    const secrets = SecretBox.open(join(dir, 'keys.sqlite'));
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send?key=K`;
    try {
      const channel = configureReminderChannel(
        {
          type: 'ConfigureReminderChannel',
          channelId: 'town-a-wecom',
          unit: 'town-a',
          format: 'wecom',
          url,
          sealedUrl: secrets.seal(CHANNEL_SECRET_KEY, 'town-a-wecom', url, new Date()),
        },
        { now: at('2022-04-28') },
      );
      await store.append(
        'reminder_channel-town-a-wecom',
        [
          {
            type: channel.type,
            version: channel.version,
            occurredAt: channel.occurredAt,
            actor: { id: 'admin', role: 'admin' },
            data: channel.data,
          },
        ],
        'no_stream',
      );
      // Accepted 03-05 by town-a: reply due 05-05, within three working days of 04-29. Another unit has no channel.
      const projections = [mattersProjection(settings)];
      const db = readModelDb(projections);
      const events = envelopes([
        ...onStream('matter-R', [
          ...ev.opened(at('2022-03-01')),
          ev.assigned(at('2022-03-02')),
          ev.accepted(at('2022-03-05')),
        ]),
        ...onStream('matter-X', [
          ...ev.opened(at('2022-03-01')),
          ev.assigned(at('2022-03-02'), 'dept-b'),
          ev.accepted(at('2022-03-05'), 'dept-b'),
        ]),
      ]);
      applyAll(db, projections, events);
      let now = '2022-04-29T08:29:00+08:00';
      const outbox = new ReminderOutbox({
        store,
        now: () => new Date(Date.parse(now)),
        sleep: () => Promise.resolve(),
        fetch,
        unitName: (code) => (code === 'town-a' ? '城关镇' : code),
      });
      const job = new ReminderJob({
        store,
        readModel: () => ({ db, position: events[events.length - 1].position }),
        calendar: officialCalendar,
        timeZone: 'Asia/Shanghai',
        at: '08:30',
        now: () => now,
        outbox,
        unseal: secrets,
      });
      expect(await job.tick()).toEqual({ date: '2022-04-29', recorded: false, delivered: 0, pending: 0 });
      now = '2022-04-29T08:30:00+08:00';
      expect(await job.tick()).toEqual({ date: '2022-04-29', recorded: true, delivered: 1, pending: 0 });
      now = '2022-04-29T08:31:00+08:00';
      expect(await job.tick()).toEqual({ date: '2022-04-29', recorded: true, delivered: 0, pending: 0 });
      expect(bodies).toHaveLength(1);
      const content = (JSON.parse(bodies[0]) as { markdown: { content: string } }).markdown.content;
      expect(content).toContain('城关镇');
      expect(content).toContain('- R（办结答复）期限2022-05-05，剩6天');
      expect(content).not.toContain('X');
      expect(content).not.toContain('拖欠工资'); // the matter's summary is never sent
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
      await store.close();
      secrets.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
