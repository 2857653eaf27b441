import { digestMarkdown, reminderMessage } from './reminder-messages';
import type { UnitDigest } from './daily-digest';

const digest: UnitDigest = {
  unit: 'town-a',
  date: '2022-04-29',
  dueToday: [
    { matterId: 'M-1', step: 'acceptance', category: 'health', lastDay: '2022-04-29', daysLeft: 0, owner: null },
  ],
  dueSoon: [
    { matterId: 'M-2', step: 'reply', category: 'health', lastDay: '2022-05-05', daysLeft: 6, owner: '王副市长' },
  ],
  overdue: [{ matterId: 'M-3', step: 'reply', category: 'health', lastDay: '2022-04-20', daysLeft: -9, owner: null }],
  owners: ['王副市长'],
};

describe('reminder messages', () => {
  it('writes the digest as group-chat markdown: overdue first, then today, then the next working days', () => {
    const { title, text } = digestMarkdown(digest, '城关镇');
    expect(title).toBe('2022-04-29 信访事项日提醒：城关镇');
    expect(text.split('\n')).toEqual([
      '### 2022-04-29 信访事项日提醒：城关镇',
      '**已超期（1件）**',
      '- M-3（办结答复）期限2022-04-20，超期9天',
      '**今日到期（1件）**',
      '- M-1（告知受理）期限2022-04-29，今日到期',
      '**3个工作日内到期（1件）**',
      '- M-2（办结答复）期限2022-05-05，剩6天，包案领导：王副市长',
    ]);
  });

  it('shapes the body for each channel format', () => {
    expect(reminderMessage('wecom', digest, '城关镇')).toEqual({
      msgtype: 'markdown',
      markdown: { content: digestMarkdown(digest, '城关镇').text },
    });
    expect(reminderMessage('dingtalk', digest, '城关镇')).toEqual({
      msgtype: 'markdown',
      markdown: digestMarkdown(digest, '城关镇'),
    });
    expect(reminderMessage('json', digest, '城关镇')).toEqual({
      type: 'daily_reminder',
      unitName: '城关镇',
      ...digest,
    });
  });
});
