import { readFileSync } from 'node:fs';
import { CalendarData, ClockSettings, createWorkingCalendar } from '@app/domain';
import { AppConfig } from './config';

export type RuntimeClockSettings = ClockSettings & { rollForward: boolean };

/** The statutory clock's settings: the business zone, the official calendar file, the roll-forward switch. */
export function clockSettingsFrom(
  config: Pick<AppConfig, 'calendarFile' | 'timeZone' | 'rollForward'>,
): RuntimeClockSettings {
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

/** The injection token of the clock settings (a plain symbol: this library knows no framework). */
export const CLOCK_SETTINGS = Symbol('CLOCK_SETTINGS');
