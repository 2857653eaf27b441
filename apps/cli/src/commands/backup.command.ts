import { resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { dataFiles, SystemClock } from '@app/runtime';
import { backupDataDir, BackupError } from '../backup/backup-data-dir';
import { cliConfig } from '../cli-config';
import { fail } from '../cli-errors';

interface BackupOptions {
  out?: string;
  dataDir?: string;
  withoutSigningKey?: boolean;
}

@Command({
  name: 'backup',
  description:
    'copy every file of the data directory (SQLite online backup, safe while the server writes) with a manifest ' +
    '(files, sizes, SHA-256, ledger head, audit root)',
})
export class BackupCommand extends CommandRunner {
  async run(_args: string[], options: BackupOptions): Promise<void> {
    if (options.out === undefined) fail('give --out DIR (a new or empty directory)', 2);
    const config = cliConfig();
    const dataDir = options.dataDir === undefined ? config.dataDir : resolve(options.dataDir);
    try {
      const manifest = await backupDataDir(dataDir, resolve(options.out), {
        now: new SystemClock(config.timeZone).now(),
        withoutSigningKey: options.withoutSigningKey,
      });
      process.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
      const key = manifest.files.some((f) => f.name === 'audit-signing.key');
      process.stderr.write(
        `ledger backup: ${manifest.files.length} files, ledger head ${manifest.ledger.headPosition}, written to ${options.out}\n` +
          (key
            ? `ledger backup: note: the checkpoint signing key (${dataFiles({ dataDir }).signingKey}) is in this backup; ` +
              'keep the backup as safe as the key, or set LEDGER_SIGNING_KEY from your secrets and use --without-signing-key\n'
            : ''),
      );
    } catch (error) {
      if (error instanceof BackupError) fail(error.message, 1);
      throw error;
    }
  }

  @Option({ flags: '--out <dir>', description: 'a new or empty directory for the copy' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--data-dir <dir>', description: 'the data directory to copy (default LEDGER_DATA_DIR)' })
  parseDataDir(value: string): string {
    return value;
  }

  @Option({ flags: '--without-signing-key', description: 'leave the signing key file out (it is kept apart)' })
  parseWithoutSigningKey(): boolean {
    return true;
  }
}
