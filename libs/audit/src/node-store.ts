/**
 * Where the Merkle tree keeps its hashes. The tree stores one row per
 * complete (perfect) subtree, keyed by (level, index): level 0 holds the leaf
 * hashes, level l index i covers leaves [i * 2^l, (i + 1) * 2^l). Any root or
 * proof is then a combination of O(log n) such rows.
 *
 * The interface is synchronous on purpose: the production store is a
 * better-sqlite3 table, whose API is synchronous, and the tree must be
 * updated in the same transaction as the projection checkpoint.
 *
 * The stored size is the commit point. Rows above it are ignored by the tree
 * and overwritten on the next append, so `putMany` must be an upsert and a
 * crash between `putMany` and `setSize` leaves nothing wrong behind.
 *
 * The SQLite implementation (sqlite/sqlite-node-store.ts) keeps the rows in
 * tiles of 510 hashes (sqlite/tiles.ts: a subtree of height 8 per row, as
 * transparency-dev/tlog does) and the size in a one-row table,
 * with `MerkleTree.appendMany` called inside the caller's `db.transaction`.
 */
export interface NodeEntry {
  readonly level: number;
  readonly index: number;
  readonly hash: Buffer;
}

export interface NodeStore {
  /** Hash of the complete subtree at (level, index), if stored. */
  get(level: number, index: number): Buffer | undefined;
  /** Inserts or replaces the given rows. */
  putMany(entries: readonly NodeEntry[]): void;
  /** Number of leaves committed. */
  size(): number;
  setSize(size: number): void;
}

export class InMemoryNodeStore implements NodeStore {
  private readonly levels: Buffer[][] = [];
  private committedSize = 0;

  get(level: number, index: number): Buffer | undefined {
    return this.levels[level]?.[index];
  }

  putMany(entries: readonly NodeEntry[]): void {
    for (const { level, index, hash } of entries) {
      const row = (this.levels[level] ??= []);
      // Copy: the caller may reuse or mutate its buffer after the call.
      row[index] = Buffer.from(hash);
    }
  }

  size(): number {
    return this.committedSize;
  }

  setSize(size: number): void {
    this.committedSize = size;
  }
}
