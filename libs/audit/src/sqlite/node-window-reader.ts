import type Database from 'better-sqlite3';
import { tileSlot } from './tiles';

/**
 * Reads stored tree nodes for a pass in index order (verification): one tile per
 * tile level is held, so 256 leaves and the nodes above them cost one query, and
 * each node is a view into the tile, not a copy. Only for reading a tree that is
 * not being rewritten.
 */
export class NodeWindowReader {
  private readonly tile: Database.Statement<[number, number], { width: number; hashes: Buffer }>;
  /** Per tile level: the tile held (undefined hashes = no such tile). */
  private readonly held: Array<{ index: number; width: number; hashes: Buffer | undefined } | undefined> = [];

  constructor(db: Database.Database) {
    this.tile = db.prepare('SELECT width, hashes FROM audit_tree_tiles WHERE level = ? AND idx = ?');
  }

  node(level: number, index: number): Buffer | undefined {
    const { tileLevel, tileIndex, slot, needsWidth } = tileSlot(level, index);
    let tile = this.held[tileLevel];
    if (tile === undefined || tile.index !== tileIndex) {
      const row = this.tile.get(tileLevel, tileIndex);
      tile = { index: tileIndex, width: row?.width ?? 0, hashes: row?.hashes };
      this.held[tileLevel] = tile;
    }
    if (tile.hashes === undefined || tile.width < needsWidth) return undefined;
    return tile.hashes.subarray(slot * 32, slot * 32 + 32);
  }
}
