import type Database from 'better-sqlite3';
import { NodeEntry, NodeStore } from '../node-store';

/** Rows per multi-row INSERT: 3 parameters each, far below SQLite's 32,766 limit. */
const CHUNKS = [256, 32, 4, 1] as const;

/**
 * The NodeStore of node-store.ts over better-sqlite3 (tables in audit-db.ts).
 * Nothing is cached in memory: the tree is appended inside the projection
 * runner's transaction, and a cache would outlive a rollback of it.
 *
 * Rows are written with multi-row INSERTs of 256, 32, 4 and 1 rows (one
 * prepared statement each): a batch of 1,000 leaves (about 2,000 rows) costs
 * about a dozen statement runs instead of 2,000.
 */
export class SqliteNodeStore implements NodeStore {
  private readonly getStatement: Database.Statement<[number, number], { hash: Buffer }>;
  private readonly putStatements: Map<number, Database.Statement<unknown[]>>;
  private readonly sizeStatement: Database.Statement<[], { size: number }>;
  private readonly setSizeStatement: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    this.getStatement = db.prepare('SELECT hash FROM audit_tree_nodes WHERE level = ? AND idx = ?');
    this.sizeStatement = db.prepare('SELECT size FROM audit_tree_size WHERE id = 1');
    // Write statements only compile against a writable connection's schema; a
    // read-only one never runs them.
    this.putStatements = new Map(
      CHUNKS.map((rows) => [
        rows,
        db.prepare(
          `INSERT INTO audit_tree_nodes (level, idx, hash) VALUES ${Array(rows).fill('(?, ?, ?)').join(', ')}
           ON CONFLICT (level, idx) DO UPDATE SET hash = excluded.hash`,
        ),
      ]),
    );
    this.setSizeStatement = db.prepare(
      'INSERT INTO audit_tree_size (id, size) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size',
    );
  }

  get(level: number, index: number): Buffer | undefined {
    return this.getStatement.get(level, index)?.hash;
  }

  putMany(unsorted: readonly NodeEntry[]): void {
    // In key order, each insert lands next to the one before: the B-tree pages stay hot.
    const entries = [...unsorted].sort((a, b) => a.level - b.level || a.index - b.index);
    let at = 0;
    for (const rows of CHUNKS) {
      const statement = this.putStatements.get(rows)!;
      const params: unknown[] = new Array(rows * 3);
      while (entries.length - at >= rows) {
        for (let r = 0; r < rows; r++) {
          const { level, index, hash } = entries[at + r];
          params[r * 3] = level;
          params[r * 3 + 1] = index;
          params[r * 3 + 2] = hash;
        }
        statement.run(params);
        at += rows;
      }
    }
  }

  size(): number {
    return this.sizeStatement.get()?.size ?? 0;
  }

  setSize(size: number): void {
    this.setSizeStatement.run(size);
  }
}
