import { dataFiles, clockSettingsFrom } from '@app/runtime';
import Database from 'better-sqlite3';
import { Command, CommandRunner, Option } from 'nest-commander';
import {
  dumpReadModels,
  firstDifference,
  rebuildReadModels,
  RebuildInProgressError,
  realReadModelFile,
  readModelProjections,
} from '@app/projections';
import { existsSync } from 'node:fs';
import { cliConfig } from '../cli-config';
import { exitOnCliError, fail } from '../cli-errors';
import { openLedgerForReading } from './open-ledger';
import { count, duration, Progress, rateLine } from '../progress';

class VerifyError extends Error {}

interface RebuildOptions {
  batch?: number;
  verify?: boolean;
}

/**
 * Blue/green rebuild of every read model: built from the start of the log into
 * `read-models.sqlite.rebuild-<ts>` beside the live file, then swapped in atomically. A
 * running server keeps answering from the old generation meanwhile and switches to the
 * new one within a poll interval of the swap, catching it up with whatever was appended
 * during the rebuild.
 */
@Command({
  name: 'rebuild',
  description: 'rebuild every read model beside the live ones, then swap them in atomically',
})
export class RebuildCommand extends CommandRunner {
  async run(_args: string[], options: RebuildOptions): Promise<void> {
    const config = cliConfig();
    const store = openLedgerForReading(config);
    const file = dataFiles(config).readModels;
    const progress = new Progress();
    try {
      const result = await rebuildReadModels({
        store,
        file,
        projections: readModelProjections(clockSettingsFrom(config)),
        batchSize: options.batch,
        onProgress: (p) => progress.update(`rebuilding: ${rateLine(p.applied, p.total, p.seconds)}`),
        beforeSwap: options.verify ? (built) => this.verify(built, file) : undefined,
      });
      progress.done(
        `rebuilt ${count(result.events)} events up to position ${result.position} in ${duration(result.seconds)} ` +
          `(${count(result.events / Math.max(result.seconds, 1e-9))} events/s)`,
      );
      process.stdout.write(
        `${file} -> ${result.built}\n` + (result.replaced ? `replaced and deleted ${result.replaced}\n` : ''),
      );
    } catch (error) {
      exitOnCliError(error, [RebuildInProgressError, VerifyError]);
    } finally {
      await store.close();
    }
  }

  /**
   * `--verify`: the rebuilt tables must equal the live ones, row for row. Only meaningful
   * when nothing was appended meanwhile, so it compares up to the live checkpoint.
   */
  private verify(built: string, file: string): void {
    const live = realReadModelFile(file);
    if (!live || !existsSync(live)) {
      process.stderr.write('verify: there is no live read-model file to compare with\n');
      return;
    }
    const a = new Database(live, { readonly: true });
    const b = new Database(built, { readonly: true });
    try {
      const difference = firstDifference(dumpReadModels(a), dumpReadModels(b));
      if (difference)
        throw new VerifyError(
          `verify: the rebuilt read models differ from the live ones (nothing was swapped): ${difference}`,
        );
      process.stderr.write('verify: the rebuilt read models equal the live ones, table by table and row by row\n');
    } finally {
      a.close();
      b.close();
    }
  }

  @Option({ flags: '--batch <n>', description: 'events per transaction (default 2000)' })
  parseBatch(value: string): number {
    if (!/^[1-9]\d{0,5}$/.test(value)) fail(`--batch expects a positive integer, got ${JSON.stringify(value)}`);
    return Number(value);
  }

  @Option({
    flags: '--verify',
    description: 'before swapping, check that the rebuilt tables equal the live ones (a quiet ledger only)',
  })
  parseVerify(): boolean {
    return true;
  }
}
