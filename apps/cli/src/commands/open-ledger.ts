import { dataFiles, AppConfig } from '@app/runtime';
import { existsSync } from 'node:fs';
import { SqliteEventStore } from '@app/ledger';
import { fail } from '../cli-errors';

/** Opens the configured ledger for reading; a missing file is an error, not a new ledger. */
export function openLedgerForReading(config: AppConfig): SqliteEventStore {
  const file = dataFiles(config).ledger;
  if (!existsSync(file)) fail(`no ledger at ${file} (set LEDGER_DATA_DIR, or start the server once to create it)`);
  return SqliteEventStore.open({ file, readonly: true });
}
