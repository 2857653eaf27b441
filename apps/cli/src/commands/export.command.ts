import { resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { cliConfig } from '../cli-config';
import { exitOnCliError, fail } from '../cli-errors';
import { writeExport, writeExportFile } from '../audit/export-log';

interface ExportOptions {
  out?: string;
  dataDir?: string;
}

@Command({
  name: 'export',
  description:
    'write the log, every signed checkpoint and the public key as one NDJSON file (for `ledger verify --export`)',
})
export class ExportCommand extends CommandRunner {
  async run(_args: string[], options: ExportOptions): Promise<void> {
    const config = cliConfig();
    const dataConfig = options.dataDir === undefined ? config : { ...config, dataDir: resolve(options.dataDir) };
    try {
      if (options.out === undefined) {
        await writeExport(dataConfig, process.stdout);
      } else {
        const { events, checkpoints } = await writeExportFile(dataConfig, resolve(options.out));
        process.stderr.write(
          `ledger export: ${events} events and ${checkpoints} checkpoints written to ${options.out}\n`,
        );
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail(`${options.out} exists; not overwriting it`, 2);
      exitOnCliError(error);
    }
  }

  @Option({ flags: '--out <file>', description: 'write to this file (must not exist) instead of stdout' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--data-dir <dir>', description: 'data directory (default: LEDGER_DATA_DIR)' })
  parseDataDir(value: string): string {
    return value;
  }
}
