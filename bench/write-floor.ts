import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { timed } from './bench-harness';

/**
 * The floor under any rebuild of the read models as they are designed: the rows a rebuild
 * ends with, written and nothing else. Every table's final rows (read beforehand, not
 * timed) are inserted from JavaScript into an empty file, in the order of their keys and
 * in transactions of `batchRows`, with the pragmas a rebuild uses (no journal, no sync,
 * an exclusive lock, a 16 MiB page cache), then the secondary indexes are built, as the
 * rebuild builds them at the end. No fold, no clock, no JSON: a rebuild can come near this
 * by folding faster, never below it, except by writing fewer rows.
 */
export async function writeFloorSeconds(
  builtFile: string,
  scratchFile: string,
  { batchRows = 2000, keep = false }: { batchRows?: number; keep?: boolean } = {},
): Promise<{ seconds: number; rows: number; tables: number }> {
  const built = new Database(builtFile, { readonly: true });
  const schema = built
    .prepare<[], { type: string; name: string; sql: string }>(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )
    .all();
  const tables = schema
    .filter((s) => s.type === 'table')
    .map((s) => {
      const quoted = `"${s.name.replace(/"/g, '""')}"`;
      // A full scan returns a table's rows in its key's order (rowid, or the WITHOUT ROWID key).
      const select = built.prepare(`SELECT * FROM ${quoted}`).raw();
      const placeholders = Array(select.columns().length).fill('?').join(', ');
      return {
        sql: s.sql,
        insert: `INSERT INTO ${quoted} VALUES (${placeholders})`,
        rows: select.all() as unknown[][],
      };
    });
  built.close();
  const indexes = schema.filter((s) => s.type === 'index').map((s) => s.sql);

  rmSync(scratchFile, { force: true });
  const db = new Database(scratchFile);
  try {
    db.pragma('synchronous = OFF');
    db.pragma('journal_mode = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -16384');
    for (const table of tables) db.exec(table.sql);
    const { seconds } = await timed(() => {
      for (const table of tables) {
        const insert = db.prepare(table.insert);
        const write = db.transaction((rows: unknown[][]) => {
          for (const row of rows) insert.run(row);
        });
        for (let start = 0; start < table.rows.length; start += batchRows)
          write(table.rows.slice(start, start + batchRows));
      }
      for (const sql of indexes) db.exec(sql);
    });
    return { seconds, rows: tables.reduce((n, t) => n + t.rows.length, 0), tables: tables.length };
  } finally {
    db.close();
    if (!keep) rmSync(scratchFile, { force: true });
  }
}
