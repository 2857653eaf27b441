import { calendarCoverage, CalendarCoverage } from '@app/domain';
import { AppConfig, Clock, clockSettingsFrom } from '@app/runtime';

/** The official calendar's coverage today, for `ledger stats`; each warning also goes to stderr. */
export function calendarCoverageReport(config: AppConfig, clock: Clock): CalendarCoverage {
  const coverage = calendarCoverage(clockSettingsFrom(config).calendar, clock.today());
  for (const warning of coverage.warnings) process.stderr.write(`ledger: warning: ${warning}\n`);
  return coverage;
}
