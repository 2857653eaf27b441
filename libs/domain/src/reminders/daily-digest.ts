import { addWorkingDays, WorkingCalendar } from '../calendar/working-calendar';
import type { StatutoryStep } from '../clock/statutory-limits';
import type { Category } from '../code-lists';
import { compareDates, daysBetween, LocalDate } from '../time/local-date';

/** An open duty of a unit (a limit of kind `duty`, not met and not excused), as the reminder sees it. */
export interface OpenDuty {
  readonly matterId: string;
  readonly unit: string;
  readonly step: StatutoryStep;
  readonly category: Category;
  readonly lastDay: LocalDate;
  /** The leader who owns the matter (包案), if any. */
  readonly owner: string | null;
}

/** One line of a reminder: ids, category, limit and days left only, never anything about the petitioner. */
export interface ReminderItem {
  readonly matterId: string;
  readonly step: StatutoryStep;
  readonly category: Category;
  readonly lastDay: LocalDate;
  /** Calendar days from the reminder's date to the last day: 0 due today, negative when overdue. */
  readonly daysLeft: number;
  readonly owner: string | null;
}

export interface UnitDigest {
  readonly unit: string;
  readonly date: LocalDate;
  readonly dueToday: readonly ReminderItem[];
  /** Due after today, by the end of the `REMINDER_WORKING_DAYS`-th working day after it. */
  readonly dueSoon: readonly ReminderItem[];
  readonly overdue: readonly ReminderItem[];
  /** The leaders owning any of the unit's listed matters. */
  readonly owners: readonly string[];
}

export const REMINDER_WORKING_DAYS = 3;

const byLimit = (a: ReminderItem, b: ReminderItem) =>
  compareDates(a.lastDay, b.lastDay) ||
  (a.matterId < b.matterId ? -1 : a.matterId > b.matterId ? 1 : 0) ||
  (a.step < b.step ? -1 : a.step > b.step ? 1 : 0);

/**
 * 日提醒: for a date, each unit's duties that fall due that day, within the
 * next three working days, and already overdue. Units with nothing to do are
 * left out; units and items are in a stable order so a digest is the same
 * whenever it is recomputed for the same ledger position.
 */
export function dailyDigests(duties: readonly OpenDuty[], date: LocalDate, calendar: WorkingCalendar): UnitDigest[] {
  const horizon = addWorkingDays(calendar, date, REMINDER_WORKING_DAYS).date;
  const units = new Map<string, { dueToday: ReminderItem[]; dueSoon: ReminderItem[]; overdue: ReminderItem[] }>();
  for (const d of duties) {
    const cmp = compareDates(d.lastDay, date);
    const list =
      cmp < 0 ? 'overdue' : cmp === 0 ? 'dueToday' : compareDates(d.lastDay, horizon) <= 0 ? 'dueSoon' : null;
    if (!list) continue;
    const entry = units.get(d.unit) ?? { dueToday: [], dueSoon: [], overdue: [] };
    entry[list].push({
      matterId: d.matterId,
      step: d.step,
      category: d.category,
      lastDay: d.lastDay,
      daysLeft: daysBetween(date, d.lastDay),
      owner: d.owner,
    });
    units.set(d.unit, entry);
  }
  return [...units.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([unit, e]) => {
      const all = [...e.dueToday, ...e.dueSoon, ...e.overdue];
      return {
        unit,
        date,
        dueToday: e.dueToday.sort(byLimit),
        dueSoon: e.dueSoon.sort(byLimit),
        overdue: e.overdue.sort(byLimit),
        owners: [...new Set(all.map((i) => i.owner).filter((o): o is string => o !== null))].sort(),
      };
    });
}
