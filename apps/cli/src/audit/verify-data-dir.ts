// `ledger verify --data-dir`: the stored tree and checkpoints against the events, offline.
import { AppConfig } from '@app/runtime';
import {
  completeTrustedKey,
  describeTrustedKey,
  signatureCheck,
  trustedKeyForAuditStore,
  verifyStoredLog,
} from '@app/audit';
import { CliError } from '../cli-errors';
import { openAuditSource } from './data-dir';
import type { VerifyOutcome, Warn } from './verify-outcome';

export async function verifyDataDir(
  config: AppConfig,
  options: { key?: string; warn: Warn; onProgress?: (checked: number, total: number) => void },
): Promise<VerifyOutcome> {
  const { ledger, audit } = openAuditSource(config);
  try {
    const chosen = trustedKeyForAuditStore(config, audit, options.key, options.warn);
    if (chosen === null)
      throw new CliError('no key to check the checkpoints against: pass --key <verifier key or base64 public key>');
    const trusted = completeTrustedKey(chosen, audit.latestCheckpoint()?.note);
    const total = (await ledger.head()).events;
    const report = await verifyStoredLog(ledger, audit, {
      ...signatureCheck(trusted),
      maxEvents: total,
      onProgress: (checked) => options.onProgress?.(checked, total),
    });
    return { source: config.dataDir, trustedKey: describeTrustedKey(trusted), report };
  } finally {
    audit.close();
    await ledger.close();
  }
}
