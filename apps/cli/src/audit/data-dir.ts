// A data directory opened read-only for the offline audit commands (verify, export, prove).
import { AppConfig, dataFiles } from '@app/runtime';
import { existsSync } from 'node:fs';
import { AuditStore } from '@app/audit';
import { EventStore, SqliteEventStore } from '@app/ledger';
import { EsdbEventStore } from '@app/ledger/eventstoredb';
import { CliError } from '../cli-errors';

export function openDataDir(dataDir: string): { ledger: SqliteEventStore; audit: AuditStore } {
  const ledgerFile = dataFiles({ dataDir }).ledger;
  if (!existsSync(ledgerFile)) throw new CliError(`no ledger at ${ledgerFile}`);
  const audit = openAuditStore(dataDir);
  try {
    return { ledger: SqliteEventStore.open({ file: ledgerFile, readonly: true }), audit };
  } catch (error) {
    audit.close();
    throw new CliError((error as Error).message);
  }
}

/**
 * What the offline audit commands (verify, export, prove) read: the events from the
 * configured store (the embedded file, or the cluster LEDGER_STORE=esdb://… names), the
 * tree and checkpoints from the data directory's audit store.
 */
export function openAuditSource(config: Pick<AppConfig, 'dataDir' | 'store' | 'storeUrl'>): {
  ledger: EventStore;
  audit: AuditStore;
} {
  if (config.store !== 'eventstoredb') return openDataDir(config.dataDir);
  const audit = openAuditStore(config.dataDir);
  return { ledger: EsdbEventStore.fromUrl(config.storeUrl!), audit };
}

function openAuditStore(dataDir: string): AuditStore {
  const auditFile = dataFiles({ dataDir }).audit;
  if (!existsSync(auditFile)) throw new CliError(`no audit store at ${auditFile} (start the server once to build it)`);
  try {
    return AuditStore.open(auditFile, { readonly: true });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}
