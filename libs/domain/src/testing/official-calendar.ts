// Test-only fixture: the real published calendar, so the worked examples are checked against real data.
import data from '../../../../reference/cn-official-calendar.json';
import { CalendarData, createWorkingCalendar } from '../calendar/working-calendar';

export const officialCalendarData: CalendarData = data;
export const officialCalendar = createWorkingCalendar(officialCalendarData);
