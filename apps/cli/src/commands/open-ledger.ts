import { existsSync } from 'node:fs';
import { SqliteEventStore } from '@app/ledger';
import { ledgerFile } from '../../../api/src/ledger/ledger.module';
import { AppConfig } from '../../../api/src/config/app-config';
import { fail } from '../cli-config';

/** Opens the configured ledger for reading; a missing file is an error, not a new ledger. */
export function openLedgerForReading(config: AppConfig): SqliteEventStore {
  const file = ledgerFile(config);
  if (!existsSync(file)) fail(`no ledger at ${file} (set LEDGER_DATA_DIR, or start the server once to create it)`);
  return SqliteEventStore.open({ file, readonly: true });
}
