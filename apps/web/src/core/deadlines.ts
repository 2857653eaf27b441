import { daysBetween } from './dates';
import { label, t } from './i18n';

/** One statutory limit of a matter, as GET /matters/{id} gives it in `deadlineDetails`. */
export interface DeadlineDetail {
  readonly step: string;
  readonly kind: string;
  readonly unit: string | null;
  readonly from: string;
  readonly lastDay: string;
  readonly met: string | null;
  readonly extendedBy?: number;
  readonly assumedYears?: readonly number[];
  readonly note?: string;
}

export type DeadlineState = 'met' | 'met_late' | 'open' | 'due_today' | 'overdue';

export interface DeadlineLine {
  readonly step: string;
  readonly lastDay: string;
  readonly state: DeadlineState;
  /** Days left (positive) or overdue (negative) for an open limit; null once met. */
  readonly daysLeft: number | null;
  readonly text: string;
  /** Said when a year the limit runs through has no official calendar (only weekends counted as rest days). */
  readonly calendarNote: string | null;
}

/** How the statutory clock reads on `today` (YYYY-MM-DD, business time zone) for one limit. */
export function deadlineLine(d: DeadlineDetail, today: string): DeadlineLine {
  const step = label('step', d.step);
  const calendarNote = d.assumedYears?.length ? t('clock.calendarUnknown', { years: d.assumedYears.join('、') }) : null;
  const base = { step, lastDay: d.lastDay, calendarNote };
  if (d.met) {
    const late = d.met > d.lastDay;
    return {
      ...base,
      state: late ? 'met_late' : 'met',
      daysLeft: null,
      text: t(late ? 'clock.metLate' : 'clock.met', { date: d.met, days: daysBetween(d.lastDay, d.met) }),
    };
  }
  const left = daysBetween(today, d.lastDay);
  if (left > 0) return { ...base, state: 'open', daysLeft: left, text: t('clock.daysLeft', { days: left }) };
  if (left === 0) return { ...base, state: 'due_today', daysLeft: 0, text: t('clock.dueToday') };
  return { ...base, state: 'overdue', daysLeft: left, text: t('clock.overdue', { days: -left }) };
}
