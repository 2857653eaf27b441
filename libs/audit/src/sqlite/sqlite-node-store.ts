import type Database from 'better-sqlite3';
import { NodeEntry, NodeStore } from '../node-store';

/**
 * The NodeStore of node-store.ts over better-sqlite3 (tables in audit-db.ts).
 * Nothing is cached in memory: the tree is appended inside the projection
 * runner's transaction, and a cache would outlive a rollback of it.
 */
export class SqliteNodeStore implements NodeStore {
  private readonly getStatement: Database.Statement<[number, number], { hash: Buffer }>;
  private readonly putStatement: Database.Statement<[number, number, Buffer]>;
  private readonly sizeStatement: Database.Statement<[], { size: number }>;
  private readonly setSizeStatement: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    this.getStatement = db.prepare('SELECT hash FROM audit_tree_nodes WHERE level = ? AND idx = ?');
    this.sizeStatement = db.prepare('SELECT size FROM audit_tree_size WHERE id = 1');
    // Write statements only compile against a writable connection's schema; a
    // read-only one never runs them.
    this.putStatement = db.prepare(
      `INSERT INTO audit_tree_nodes (level, idx, hash) VALUES (?, ?, ?)
       ON CONFLICT (level, idx) DO UPDATE SET hash = excluded.hash`,
    );
    this.setSizeStatement = db.prepare(
      'INSERT INTO audit_tree_size (id, size) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size',
    );
  }

  get(level: number, index: number): Buffer | undefined {
    return this.getStatement.get(level, index)?.hash;
  }

  putMany(entries: readonly NodeEntry[]): void {
    for (const { level, index, hash } of entries) this.putStatement.run(level, index, hash);
  }

  size(): number {
    return this.sizeStatement.get()?.size ?? 0;
  }

  setSize(size: number): void {
    this.setSizeStatement.run(size);
  }
}
