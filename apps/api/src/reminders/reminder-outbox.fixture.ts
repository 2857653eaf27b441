// Test-only: one unit's digest for 2022-04-29 and a channel for it.
import type { UnitDigest } from '@app/domain';
import type { ReminderChannel } from './reminder-outbox';

export const FIXTURE_DIGEST: UnitDigest = {
  unit: 'town-a',
  date: '2022-04-29',
  dueToday: [{ matterId: 'M-1', step: 'reply', category: 'health', lastDay: '2022-04-29', daysLeft: 0, owner: null }],
  dueSoon: [],
  overdue: [
    { matterId: 'M-2', step: 'acceptance', category: 'health', lastDay: '2022-04-20', daysLeft: -9, owner: '王副市长' },
  ],
  owners: ['王副市长'],
};

export const FIXTURE_CHANNEL: ReminderChannel = {
  channelId: 'ch-json',
  unit: 'town-a',
  format: 'json',
  url: 'http://127.0.0.1:1/unused',
  secret: 'hook-secret',
};
