import { resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AuditError, SigningKeyError } from '@app/audit';
import { cliConfig } from '../cli-config';
import { exitOnCliError, fail } from '../cli-errors';
import { checkedProgress } from '../progress';
import { verifyDataDir } from '../audit/verify-data-dir';
import { verifyExport } from '../audit/verify-export';
import type { VerifyOutcome } from '../audit/verify-outcome';
import { verifyUrl } from '../audit/verify-url';

interface VerifyOptions {
  dataDir?: string;
  export?: string;
  url?: string;
  key?: string;
  token?: string;
}

@Command({
  name: 'verify',
  description:
    'recompute the audit tree from the events and check every stored hash, every checkpoint signature and their consistency; ' +
    'exits 1 naming the first bad index, 2 if it could not run',
})
export class VerifyCommand extends CommandRunner {
  async run(_args: string[], options: VerifyOptions): Promise<void> {
    const sources = [options.dataDir, options.export, options.url].filter((s) => s !== undefined);
    if (sources.length !== 1) fail('give exactly one of --data-dir DIR, --export FILE, --url URL', 2);
    const warn = (message: string) => process.stderr.write(`ledger verify: warning: ${message}\n`);
    const progress = checkedProgress('ledger verify');
    let outcome: VerifyOutcome;
    try {
      if (options.dataDir !== undefined) {
        outcome = await verifyDataDir(
          { ...cliConfig(), dataDir: resolve(options.dataDir) },
          { key: options.key, warn, onProgress: progress },
        );
      } else if (options.export !== undefined) {
        outcome = await verifyExport(resolve(options.export), { key: options.key, warn, onProgress: progress });
      } else {
        const token = options.token ?? process.env.LEDGER_TOKEN;
        outcome = await verifyUrl(options.url!, { key: options.key, token, warn, onProgress: progress });
      }
    } catch (error) {
      if (error instanceof SigningKeyError) fail(`--key: ${error.message}`, 2);
      exitOnCliError(error, [AuditError]);
    }
    progress.clear();
    const { report, source, trustedKey } = outcome;
    process.stdout.write(JSON.stringify({ ...report, source, trustedKey }, null, 2) + '\n');
    if (report.ok) {
      process.stderr.write(`ledger verify: OK: ${report.checked} events, ${report.checkpointsVerified} checkpoints\n`);
    } else {
      const at = report.firstBadIndex === undefined ? '' : ` at index ${report.firstBadIndex}`;
      process.stderr.write(`ledger verify: FAILED${at}: ${report.reason} (${report.fault})\n`);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '--data-dir <dir>', description: 'a data directory (ledger.sqlite and audit.sqlite), read only' })
  parseDataDir(value: string): string {
    return value;
  }

  @Option({ flags: '--export <file>', description: 'a file written by `ledger export`' })
  parseExport(value: string): string {
    return value;
  }

  @Option({
    flags: '--url <url>',
    description: 'a running server, e.g. http://localhost:3000 (needs an auditor token)',
  })
  parseUrl(value: string): string {
    return value;
  }

  @Option({
    flags: '--key <key>',
    description:
      'the published verifier key (<name>+<id>+<base64>) or raw public key (base64) checkpoints must be signed with',
  })
  parseKey(value: string): string {
    return value;
  }

  @Option({ flags: '--token <token>', description: 'bearer token for --url (default: $LEDGER_TOKEN)' })
  parseToken(value: string): string {
    return value;
  }
}
