import { resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { clockSettingsFrom } from '@app/runtime';
import { cliConfig } from '../cli-config';
import { exitOnCliError, fail } from '../cli-errors';
import { checkedProgress } from '../progress';
import { replay, ReplayReport } from './replay';

interface ReplayCommandOptions {
  report?: ReplayReport;
  period?: string;
  asOf?: string;
  today?: string;
  dataDir?: string;
}

@Command({
  name: 'replay',
  description:
    'recompute a report from the log prefix alone (fresh read models, audit root checked) and say whether it equals what was published; exits 1 if not',
})
export class ReplayCommand extends CommandRunner {
  async run(_args: string[], options: ReplayCommandOptions): Promise<void> {
    if (!options.report || !options.period) fail('give --report overview|ranking|bulletin and --period', 2);
    const config = cliConfig();
    const dataConfig = options.dataDir === undefined ? config : { ...config, dataDir: resolve(options.dataDir) };
    const progress = checkedProgress('ledger replay');
    try {
      const outcome = await replay(dataConfig, clockSettingsFrom(config), {
        report: options.report,
        period: options.period,
        asOf: options.asOf,
        today: options.today,
        onProgress: (applied, total) => progress(applied, total),
      });
      progress.clear();
      process.stdout.write(JSON.stringify(outcome, null, 2) + '\n');
      const at = `${outcome.asOf.size} events (position ${outcome.asOf.position})`;
      if (outcome.equal === null)
        process.stderr.write(`ledger replay: computed at ${at}; nothing published to compare with\n`);
      else if (outcome.equal)
        process.stderr.write(
          `ledger replay: EQUAL to the publication at position ${outcome.published!.position}, from ${at}\n`,
        );
      else {
        process.stderr.write(
          `ledger replay: DIFFERS from the publication at position ${outcome.published!.position}: ${outcome.restatement!.differences} differences\n`,
        );
        process.exitCode = 1;
      }
    } catch (error) {
      exitOnCliError(error);
    }
  }

  @Option({
    flags: '--report <report>',
    description: 'overview, ranking or bulletin',
    choices: ['overview', 'ranking', 'bulletin'],
  })
  parseReport(value: string): ReplayReport {
    return value as ReplayReport;
  }

  @Option({
    flags: '--period <period>',
    description: 'ranking: 2022-04; bulletin: 2022-04-H1; overview: 2022-01-01..2022-06-30',
  })
  parsePeriod(value: string): string {
    return value;
  }

  @Option({
    flags: '--as-of <point>',
    description:
      'published (the checkpoint the publication recorded; default for ranking and bulletin), latest (signed checkpoint), or a number of events',
  })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({
    flags: '--today <date>',
    description: 'the date to compute on (default: the publication’s date, else today)',
  })
  parseToday(value: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(`--today expects YYYY-MM-DD, got ${JSON.stringify(value)}`, 2);
    return value;
  }

  @Option({ flags: '--data-dir <dir>', description: 'data directory (default: LEDGER_DATA_DIR)' })
  parseDataDir(value: string): string {
    return value;
  }
}
