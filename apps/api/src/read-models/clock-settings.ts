import { readFileSync } from 'node:fs';
import { ClockSettings, createWorkingCalendar, CalendarData } from '@app/domain';
import { AppConfig } from '../config/app-config';

/** The statutory clock's settings: the business zone, the official calendar file, the roll-forward switch. */
export function clockSettingsFrom(config: AppConfig): ClockSettings & { rollForward: boolean } {
  let data: CalendarData;
  try {
    data = JSON.parse(readFileSync(config.calendarFile, 'utf8')) as CalendarData;
  } catch (error) {
    throw new Error(
      `LEDGER_CALENDAR_FILE=${config.calendarFile}: cannot read the official calendar (${(error as Error).message})`,
    );
  }
  return { timeZone: config.timeZone, calendar: createWorkingCalendar(data), rollForward: config.rollForward };
}

export const CLOCK_SETTINGS = Symbol('CLOCK_SETTINGS');
