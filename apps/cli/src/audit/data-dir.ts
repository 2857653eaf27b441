// A data directory opened read-only for the offline audit commands (verify, export, prove).
import { dataFiles } from '@app/runtime';
import { existsSync } from 'node:fs';
import { AuditStore } from '@app/audit';
import { SqliteEventStore } from '@app/ledger';
import { CliError } from '../cli-errors';

export function openDataDir(dataDir: string): { ledger: SqliteEventStore; audit: AuditStore } {
  const ledgerFile = dataFiles({ dataDir }).ledger;
  if (!existsSync(ledgerFile)) throw new CliError(`no ledger at ${ledgerFile}`);
  const auditFile = dataFiles({ dataDir }).audit;
  if (!existsSync(auditFile)) throw new CliError(`no audit store at ${auditFile} (start the server once to build it)`);
  const ledger = SqliteEventStore.open({ file: ledgerFile, readonly: true });
  try {
    return { ledger, audit: AuditStore.open(auditFile, { readonly: true }) };
  } catch (error) {
    void ledger.close();
    throw new CliError((error as Error).message);
  }
}
