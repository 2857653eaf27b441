import { resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { BackupError } from '../backup/backup-data-dir';
import { restoreBackup } from '../backup/restore-backup';
import { fail } from '../cli-errors';

interface RestoreOptions {
  from?: string;
  dataDir?: string;
}

@Command({
  name: 'restore',
  description:
    'check a backup against its manifest and copy it into a new data directory; refuses one that does not match',
})
export class RestoreCommand extends CommandRunner {
  async run(_args: string[], options: RestoreOptions): Promise<void> {
    if (options.from === undefined || options.dataDir === undefined) {
      fail('give --from BACKUP_DIR and --data-dir NEW_DIR', 2);
    }
    try {
      const manifest = await restoreBackup(resolve(options.from), resolve(options.dataDir));
      process.stderr.write(
        `ledger restore: ${manifest.files.length} files checked and restored into ${options.dataDir} ` +
          `(ledger head ${manifest.ledger.headPosition}, backup of ${manifest.createdAt}); ` +
          `next: ledger verify --data-dir ${options.dataDir}\n`,
      );
    } catch (error) {
      if (error instanceof BackupError) fail(`refused: ${error.message}`, 1);
      throw error;
    }
  }

  @Option({ flags: '--from <dir>', description: 'a directory written by `ledger backup`' })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--data-dir <dir>', description: 'the new (or empty) data directory to restore into' })
  parseDataDir(value: string): string {
    return value;
  }
}
