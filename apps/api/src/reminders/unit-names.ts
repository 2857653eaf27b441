import type Database from 'better-sqlite3';
import { BUREAU_UNIT, listUnits } from '@app/projections';

/** The bureau's own duties (registering, transferring) are listed under `bureau`, which is no registered unit. */
export const BUREAU_NAME = '信访局';

/** Unit code → name, from the units read model, for the reminder's headings and messages. */
export function unitNames(db: Database.Database): (code: string) => string {
  const names = new Map(listUnits(db).map((u) => [u.code, u.name]));
  return (code) => (code === BUREAU_UNIT ? BUREAU_NAME : (names.get(code) ?? code));
}
