import { dataFiles, clockSettingsFrom } from '@app/runtime';
import { Command, CommandRunner, Option } from 'nest-commander';
import { LiveReadModels, readModelProjections } from '@app/projections';
import { cliConfig } from '../cli-config';
import { fail } from '../cli-errors';
import { openLedgerForReading } from './open-ledger';
import { count, Progress, rateLine } from '../progress';

interface ProjectOptions {
  batch?: number;
  once?: boolean;
}

/**
 * The projection runner on its own: catches the read models up with the log, then
 * follows it live (and follows `ledger rebuild` swaps) until interrupted. It is safe
 * beside a running server: the runner re-reads the checkpoint under the write lock,
 * so two runners on one file never apply an event twice.
 */
@Command({
  name: 'project',
  description: 'run the projection runner alone: catch the read models up, then follow the log live',
})
export class ProjectCommand extends CommandRunner {
  async run(_args: string[], options: ProjectOptions): Promise<void> {
    const config = cliConfig();
    const store = openLedgerForReading(config);
    const file = dataFiles(config).readModels;
    const progress = new Progress();
    const started = process.hrtime.bigint();
    const total = (await store.head()).events;
    let following = false;
    let fresh = 0;
    let initial = 0;
    const live = new LiveReadModels(store, file, readModelProjections(clockSettingsFrom(config)), {
      batchSize: options.batch ?? 1000,
      onBatch: (info) => {
        if (following) {
          fresh += info.applied;
          return;
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const done = live.applied - initial;
        progress.update(`catching up ${file}: ${rateLine(done, Math.max(total - initial, done), seconds)}`);
      },
      onError: (error) => process.stderr.write(`projection failed, retrying: ${(error as Error).message}\n`),
      onSwap: ({ position }) =>
        process.stderr.write(`switched to a rebuilt generation of ${file} at position ${position}\n`),
    });
    initial = live.applied;
    const caughtUp = await live.catchUp();
    progress.done(
      `caught up: ${count(caughtUp)} events applied now, ${count(live.applied)} in all, position ${live.position}`,
    );
    if (options.once) {
      await live.close();
      await store.close();
      return;
    }
    process.stderr.write('following the log live (Ctrl-C to stop)\n');
    following = true;
    const report = setInterval(() => {
      if (fresh === 0) return;
      process.stderr.write(
        `applied ${count(fresh)} new events; position ${live.position}, ${count(live.applied)} events in all\n`,
      );
      fresh = 0;
    }, 2000);
    live.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    clearInterval(report);
    await live.close();
    await store.close();
    process.stderr.write(`stopped at position ${live.position}\n`);
  }

  @Option({ flags: '--batch <n>', description: 'events per transaction (default 1000)' })
  parseBatch(value: string): number {
    if (!/^[1-9]\d{0,5}$/.test(value)) fail(`--batch expects a positive integer, got ${JSON.stringify(value)}`);
    return Number(value);
  }

  @Option({ flags: '--once', description: 'catch up and exit instead of following the log' })
  parseOnce(): boolean {
    return true;
  }
}
