import type Database from 'better-sqlite3';

/** Every table of a read-model database with its rows in a total order: what "identical" is checked against. */
export type ReadModelDump = Record<string, { columns: string[]; rows: unknown[][] }>;

/**
 * Dumps every table (the runner's checkpoint included) with its rows sorted by all
 * columns, so two databases built differently compare equal exactly when they hold the
 * same rows. For tests, `ledger rebuild --verify` and the benchmark; not for hot paths.
 */
export function dumpReadModels(db: Database.Database): ReadModelDump {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((t) => t.name);
  const dump: ReadModelDump = {};
  for (const table of tables) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    const columns = db
      .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid')
      .all(table)
      .map((c) => c.name);
    const order = columns.map((_, i) => String(i + 1)).join(', ');
    const rows = db.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).raw(true).all() as unknown[][];
    dump[table] = { columns, rows };
  }
  return dump;
}

/** The first difference between two dumps, described for a person; null when they are identical. */
export function firstDifference(a: ReadModelDump, b: ReadModelDump): string | null {
  const tables = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const table of tables) {
    if (!a[table]) return `table ${table} exists only in the second`;
    if (!b[table]) return `table ${table} exists only in the first`;
    if (JSON.stringify(a[table].columns) !== JSON.stringify(b[table].columns)) return `table ${table}: columns differ`;
    const rowsA = a[table].rows;
    const rowsB = b[table].rows;
    for (let i = 0; i < Math.max(rowsA.length, rowsB.length); i++) {
      const left = JSON.stringify(rowsA[i]);
      const right = JSON.stringify(rowsB[i]);
      if (left !== right) return `table ${table}, row ${i + 1}: ${left ?? '(none)'} ≠ ${right ?? '(none)'}`;
    }
  }
  return null;
}
