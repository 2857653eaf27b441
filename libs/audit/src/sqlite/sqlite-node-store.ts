import type Database from 'better-sqlite3';
import { NodeEntry, NodeStore } from '../node-store';
import { TILE_BYTES, TILE_HEIGHT, tileSlot } from './tiles';

interface TileRow {
  width: number;
  hashes: Buffer;
}

/**
 * The NodeStore of node-store.ts over better-sqlite3, in tiles of 510 hashes
 * (tiles.ts; tables in audit-db.ts). Nothing is cached in memory: the tree is
 * appended inside the projection runner's transaction, and a cache would
 * outlive a rollback of it.
 */
export class SqliteNodeStore implements NodeStore {
  private readonly getStatement: Database.Statement<[number, number, number], { width: number; hash: Buffer }>;
  private readonly tileStatement: Database.Statement<[number, number], TileRow>;
  private readonly putStatement: Database.Statement<[number, number, number, Buffer]>;
  private readonly sizeStatement: Database.Statement<[], { size: number }>;
  private readonly setSizeStatement: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    // One hash out of the tile, without copying the whole blob into JavaScript (substr is 1-based).
    this.getStatement = db.prepare(
      'SELECT width, substr(hashes, ? * 32 + 1, 32) AS hash FROM audit_tree_tiles WHERE level = ? AND idx = ?',
    );
    this.tileStatement = db.prepare('SELECT width, hashes FROM audit_tree_tiles WHERE level = ? AND idx = ?');
    this.sizeStatement = db.prepare('SELECT size FROM audit_tree_size WHERE id = 1');
    // Write statements only compile against a writable connection's schema; a
    // read-only one never runs them.
    this.putStatement = db.prepare(
      `INSERT INTO audit_tree_tiles (level, idx, width, hashes) VALUES (?, ?, ?, ?)
       ON CONFLICT (level, idx) DO UPDATE SET width = excluded.width, hashes = excluded.hashes`,
    );
    this.setSizeStatement = db.prepare(
      'INSERT INTO audit_tree_size (id, size) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size',
    );
  }

  get(level: number, index: number): Buffer | undefined {
    const { tileLevel, tileIndex, slot, needsWidth } = tileSlot(level, index);
    const row = this.getStatement.get(slot, tileLevel, tileIndex);
    return row !== undefined && row.width >= needsWidth ? row.hash : undefined;
  }

  /** Each tile the entries fall in is read once, overlaid and written back whole. */
  putMany(entries: readonly NodeEntry[]): void {
    const tiles = new Map<string, { level: number; index: number; row: TileRow }>();
    for (const { level, index, hash } of entries) {
      const { tileLevel, tileIndex, slot, needsWidth } = tileSlot(level, index);
      const key = `${tileLevel}/${tileIndex}`;
      let tile = tiles.get(key);
      if (tile === undefined) {
        const stored = this.tileStatement.get(tileLevel, tileIndex);
        const row = stored ?? { width: 0, hashes: Buffer.alloc(TILE_BYTES) };
        tile = { level: tileLevel, index: tileIndex, row };
        tiles.set(key, tile);
      }
      hash.copy(tile.row.hashes, slot * 32);
      // Only a bottom node widens the tile: the nodes above it need those below first.
      if (needsWidth > tile.row.width && level % TILE_HEIGHT === 0) tile.row.width = needsWidth;
    }
    for (const { level, index, row } of tiles.values()) this.putStatement.run(level, index, row.width, row.hashes);
  }

  size(): number {
    return this.sizeStatement.get()?.size ?? 0;
  }

  setSize(size: number): void {
    this.setSizeStatement.run(size);
  }
}
