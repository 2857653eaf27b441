import { dataFiles, SystemClock, withoutCredentials } from '@app/runtime';
import { existsSync, statSync } from 'node:fs';
import { Command, CommandRunner } from 'nest-commander';
import { cliConfig } from '../cli-config';
import { calendarCoverageReport } from './calendar-coverage';
import { openLedgerForReading } from './open-ledger';

@Command({
  name: 'stats',
  description: 'show streams, events, head position and file size of the ledger, and the calendar coverage',
})
export class StatsCommand extends CommandRunner {
  async run(): Promise<void> {
    const config = cliConfig();
    const store = openLedgerForReading(config);
    const head = await store.head();
    await store.close();
    const file = dataFiles(config).ledger;
    // On a cluster the size on disk is the nodes' business (their own metrics).
    const where =
      config.store === 'eventstoredb'
        ? { store: withoutCredentials(config.storeUrl!) }
        : { file, bytes: [file, `${file}-wal`].filter(existsSync).reduce((sum, f) => sum + statSync(f).size, 0) };
    process.stdout.write(
      JSON.stringify(
        {
          ...where,
          streams: head.streams,
          events: head.events,
          headPosition: head.position.toString(),
          calendar: calendarCoverageReport(config, new SystemClock(config.timeZone)),
        },
        null,
        2,
      ) + '\n',
    );
  }
}
