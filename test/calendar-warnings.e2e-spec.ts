import { Logger } from '@nestjs/common';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/ledger';
import { FixedClock, loadConfig } from '@app/runtime';
import { runCli } from './support/run-cli';
import { startTestApp } from './support/test-app';

/** Issue 13: the calendar warns before a missing year bites (the project's file holds 2021–2026). */
describe('calendar coverage warnings', () => {
  const ready = async (at: string) => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const t = await startTestApp({}, { clock: new FixedClock(at, 'Asia/Shanghai') });
    try {
      const res = await t.http().get('/health/ready').expect(200);
      const logged = warn.mock.calls.map(([message]) => String(message)).filter((m) => m.includes('calendar'));
      return { calendar: res.body.details.calendar, logged };
    } finally {
      warn.mockRestore();
      await t.close();
    }
  };

  it('stays quiet on 31 October of a known year', async () => {
    const { calendar, logged } = await ready('2026-10-31T12:00:00+08:00');
    expect(calendar).toMatchObject({ status: 'up', missingYears: [], warnings: [] });
    expect(calendar.knownYears).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(logged).toEqual([]);
  });

  it('from 1 November (business time zone) warns that the next year is missing, in /health/ready and the start-up log', async () => {
    // 2026-10-31T16:00Z is already 1 November in Asia/Shanghai.
    const { calendar, logged } = await ready('2026-10-31T16:00:00Z');
    expect(calendar).toMatchObject({ status: 'up', missingYears: [2027] });
    expect(calendar.warnings).toEqual([expect.stringContaining('no data for 2027')]);
    expect(calendar.warnings[0]).toContain('LEDGER_CALENDAR_FILE');
    expect(logged).toEqual([expect.stringContaining('no data for 2027')]);
  });

  it('in a year the calendar does not know, warns about that year (and still serves: the check stays up)', async () => {
    const { calendar, logged } = await ready('2027-03-01T09:00:00+08:00');
    expect(calendar).toMatchObject({ status: 'up', missingYears: [2027] });
    expect(logged).toHaveLength(1);
  });

  it('`ledger stats` reports the coverage and warns on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calendar-stats-'));
    try {
      // A calendar that knows only 2021: whatever today is (2026 or later), its year is missing.
      const full = JSON.parse(readFileSync(loadConfig({}).calendarFile, 'utf8'));
      const file = join(dir, 'calendar.json');
      writeFileSync(file, JSON.stringify({ ...full, years: { 2021: full.years['2021'] } }));
      await SqliteEventStore.open({ file: join(dir, 'ledger.sqlite') }).close();
      const run = await runCli({ LEDGER_DATA_DIR: dir, LEDGER_CALENDAR_FILE: file }, 'stats');
      expect(run.code).toBe(0);
      const stats = JSON.parse(run.stdout);
      expect(stats.calendar.knownYears).toEqual([2021]);
      expect(stats.calendar.missingYears.length).toBeGreaterThanOrEqual(1);
      expect(stats.calendar.missingYears.every((y: number) => y > 2021)).toBe(true);
      expect(run.stderr).toMatch(/warning: the official calendar has no data for \d{4}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
