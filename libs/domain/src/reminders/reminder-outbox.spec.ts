import { domainEvent } from '../events/event-catalog';
import { specFor } from '../testing/given-when-then';
import type { UnitDigest } from './daily-digest';
import { reminderDecider } from './reminder-outbox';

const ctx = { now: '2022-04-29T08:30:00+08:00' };
const given = specFor(reminderDecider, ctx);
const digest: UnitDigest = { unit: 'town-a', date: '2022-04-29', dueToday: [], dueSoon: [], overdue: [], owners: [] };
const channels = [
  { channelId: 'ch-1', format: 'wecom' as const },
  { channelId: 'ch-2', format: 'json' as const },
];
const recorded = domainEvent('ReminderDigestRecorded', ctx.now, { digest, channels });

describe('the reminder outbox', () => {
  it('given nothing, when the digest is recorded, then it is recorded with its channels before any sending', () => {
    given([]).when({ type: 'RecordReminderDigest', digest, channels }).then([recorded]);
  });

  it('given a recorded digest, recording it again (a restarted job) decides nothing', () => {
    given([recorded]).when({ type: 'RecordReminderDigest', digest, channels }).then([]);
  });

  it('given a recorded digest, a channel acknowledgement is recorded once', () => {
    const delivered = domainEvent('ReminderDelivered', ctx.now, { channelId: 'ch-1', attempts: 3 });
    given([recorded]).when({ type: 'MarkReminderDelivered', channelId: 'ch-1', attempts: 3 }).then([delivered]);
    given([recorded, delivered]).when({ type: 'MarkReminderDelivered', channelId: 'ch-1', attempts: 4 }).then([]);
  });

  it('refuses an acknowledgement without a digest or for another channel, and a digest for no channel', () => {
    given([]).when({ type: 'MarkReminderDelivered', channelId: 'ch-1', attempts: 1 }).thenThrows('not-opened');
    given([recorded])
      .when({ type: 'MarkReminderDelivered', channelId: 'ch-9', attempts: 1 })
      .thenThrows('value-invalid');
    given([]).when({ type: 'RecordReminderDigest', digest, channels: [] }).thenThrows('value-required');
    given([])
      .when({ type: 'RecordReminderDigest', digest, channels: [{ channelId: 'x', format: 'sms' }] })
      .thenThrows('value-invalid');
  });
});
