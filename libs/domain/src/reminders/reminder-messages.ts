import type { StatutoryStep } from '../clock/statutory-limits';
import type { ReminderItem, UnitDigest } from './daily-digest';

/** The webhook formats a unit's channel can take. */
export const REMINDER_FORMATS = ['json', 'wecom', 'dingtalk'] as const;
export type ReminderFormat = (typeof REMINDER_FORMATS)[number];

const STEP_LABELS: Record<StatutoryStep, string> = {
  transfer: '转送交办',
  acceptance: '告知受理',
  reply: '办结答复',
  review_request: '申请复查',
  review_decision: '复查意见',
  re_review_request: '申请复核',
  re_review_decision: '复核意见',
  remit_return: '异议退回',
};

function line(i: ReminderItem): string {
  const left = i.daysLeft > 0 ? `剩${i.daysLeft}天` : i.daysLeft === 0 ? '今日到期' : `超期${-i.daysLeft}天`;
  const owner = i.owner ? `，包案领导：${i.owner}` : '';
  return `- ${i.matterId}（${STEP_LABELS[i.step]}）期限${i.lastDay}，${left}${owner}`;
}

/**
 * The digest as the group chat shows it (markdown for the WeCom and DingTalk
 * robots). It names matters by id, step, limit and owning leader only: nothing
 * about the petitioner is ever in a message.
 */
export function digestMarkdown(digest: UnitDigest, unitName: string): { title: string; text: string } {
  const title = `${digest.date} 信访事项日提醒：${unitName}`;
  const block = (heading: string, items: readonly ReminderItem[]) =>
    items.length ? [`**${heading}（${items.length}件）**`, ...items.map(line)] : [];
  const text = [
    `### ${title}`,
    ...block('已超期', digest.overdue),
    ...block('今日到期', digest.dueToday),
    ...block('3个工作日内到期', digest.dueSoon),
  ].join('\n');
  return { title, text };
}

/** The body posted to a channel of the given format. */
export function reminderMessage(format: ReminderFormat, digest: UnitDigest, unitName: string): unknown {
  if (format === 'json') return { type: 'daily_reminder', unitName, ...digest };
  const { title, text } = digestMarkdown(digest, unitName);
  if (format === 'wecom') return { msgtype: 'markdown', markdown: { content: text } };
  return { msgtype: 'markdown', markdown: { title, text } };
}
