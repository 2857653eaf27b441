import { resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { cliConfig } from '../cli-config';
import { exitOnCliError, fail } from '../cli-errors';
import { proveInclusion } from '../audit/prove-inclusion';

interface ProveOptions {
  size?: number;
  dataDir?: string;
}

@Command({
  name: 'prove',
  arguments: '<index>',
  argsDescription: { index: 'audit index of the event (0, 1, 2, … in global order)' },
  description:
    'print an inclusion proof of one event against the latest signed checkpoint, with the leaf bytes, as JSON a third party can check',
})
export class ProveCommand extends CommandRunner {
  async run([indexText]: string[], options: ProveOptions): Promise<void> {
    if (!/^\d{1,16}$/.test(indexText ?? '') || !Number.isSafeInteger(Number(indexText))) {
      fail(`<index> must be a non-negative integer, got ${JSON.stringify(indexText)}`, 2);
    }
    const dataDir = options.dataDir === undefined ? cliConfig().dataDir : resolve(options.dataDir);
    try {
      const proof = await proveInclusion(dataDir, Number(indexText), options.size, cliConfig());
      process.stdout.write(JSON.stringify(proof, null, 2) + '\n');
    } catch (error) {
      exitOnCliError(error);
    }
  }

  @Option({ flags: '--size <n>', description: 'prove against the checkpoint of this size instead of the latest' })
  parseSize(value: string): number {
    if (!/^\d{1,16}$/.test(value)) fail(`--size expects a tree size, got ${JSON.stringify(value)}`, 2);
    return Number(value);
  }

  @Option({ flags: '--data-dir <dir>', description: 'data directory (default: LEDGER_DATA_DIR)' })
  parseDataDir(value: string): string {
    return value;
  }
}
