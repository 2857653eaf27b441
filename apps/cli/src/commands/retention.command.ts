import { Command, CommandRunner, Option } from 'nest-commander';
import { SqliteEventStore } from '@app/ledger';
import { dataFiles, SystemClock } from '@app/runtime';
import { PersonalDataVault } from '@app/security';
import { cliConfig } from '../cli-config';
import { fail } from '../cli-errors';
import { runRetention } from '../retention/run-retention';
import { openEmbeddedLedger } from './open-ledger';

interface RetentionOptions {
  dryRun?: boolean;
}

@Command({
  name: 'retention',
  description:
    'erase (crypto-shred) every petitioner whose matters all ended more than LEDGER_RETENTION_YEARS ago; ' +
    'prints what it would do (--dry-run) or did; idempotent',
})
export class RetentionCommand extends CommandRunner {
  async run(_args: string[], options: RetentionOptions): Promise<void> {
    const config = cliConfig();
    if (config.retentionYears === null) fail('LEDGER_RETENTION_YEARS is not set: personal data is kept', 2);
    if (config.store !== 'sqlite') fail('ledger retention runs on the embedded ledger (LEDGER_STORE=sqlite)', 2);
    const files = dataFiles(config);
    // Fails with the usual message when there is no ledger; then reopened for writing.
    await openEmbeddedLedger(config).close();
    const store = SqliteEventStore.open({ file: files.ledger });
    const vault = PersonalDataVault.open(files.keys);
    const clock = new SystemClock(config.timeZone);
    try {
      const result = await runRetention(store, vault, {
        years: config.retentionYears,
        today: clock.today(),
        now: clock.now(),
        timeZone: config.timeZone,
        dryRun: options.dryRun === true,
      });
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      const verb = result.dryRun ? 'would erase' : 'erased';
      process.stderr.write(
        `ledger retention: ${verb} ${result.due.length} petitioner(s) whose matters all ended more than ` +
          `${result.retentionYears} years before ${result.today}` +
          (result.completed.length > 0
            ? `; ${result.dryRun ? 'would destroy' : 'destroyed'} the surviving keys of ${result.completed.length} erased earlier`
            : '') +
          '\n',
      );
    } finally {
      vault.close();
      await store.close();
    }
  }

  @Option({ flags: '--dry-run', description: 'only print who would be erased' })
  parseDryRun(): boolean {
    return true;
  }
}
