import { dataFiles, AppConfig } from '@app/runtime';
import { existsSync } from 'node:fs';
import { EventStore, SqliteEventStore } from '@app/ledger';
import { EsdbEventStore } from '@app/ledger/eventstoredb';
import { fail } from '../cli-errors';

/**
 * The configured log, for reading: the embedded file, or the cluster
 * LEDGER_STORE=esdb://… names (what the server would serve from).
 */
export function openLedgerForReading(config: Pick<AppConfig, 'dataDir' | 'store' | 'storeUrl'>): EventStore {
  if (config.store === 'eventstoredb') return EsdbEventStore.fromUrl(config.storeUrl!);
  return openEmbeddedLedger(config);
}

/** The embedded ledger file for reading (what `ledger migrate` copies); a missing file is an error, not a new ledger. */
export function openEmbeddedLedger(config: Pick<AppConfig, 'dataDir'>): SqliteEventStore {
  const file = dataFiles(config).ledger;
  if (!existsSync(file)) fail(`no ledger at ${file} (set LEDGER_DATA_DIR, or start the server once to create it)`);
  return SqliteEventStore.open({ file, readonly: true });
}
