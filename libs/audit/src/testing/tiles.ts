/** Reading and tampering with the stored tiles (sqlite/tiles.ts) directly, as an attacker with the file would. */
import type Database from 'better-sqlite3';
import { TILE_HEIGHT, TILE_WIDTH, tileSlot } from '../sqlite/tiles';

/** Every node the tiles hold, as (level, index, hash). */
export function storedNodes(db: Database.Database): Array<{ level: number; index: number; hash: Buffer }> {
  const tiles = db
    .prepare<[], { level: number; idx: number; width: number; hashes: Buffer }>(
      'SELECT level, idx, width, hashes FROM audit_tree_tiles',
    )
    .all();
  const nodes: Array<{ level: number; index: number; hash: Buffer }> = [];
  for (const tile of tiles) {
    for (let inner = 0; inner < TILE_HEIGHT; inner++) {
      const perTile = TILE_WIDTH / 2 ** inner;
      for (let offset = 0; offset < perTile; offset++) {
        const level = tile.level * TILE_HEIGHT + inner;
        const index = tile.idx * perTile + offset;
        const { slot, needsWidth } = tileSlot(level, index);
        if (tile.width >= needsWidth)
          nodes.push({ level, index, hash: tile.hashes.subarray(slot * 32, slot * 32 + 32) });
      }
    }
  }
  return nodes;
}

/** Replaces one stored node's hash in its tile. */
export function overwriteStoredNode(db: Database.Database, level: number, index: number, hash: Buffer): void {
  const { tileLevel, tileIndex, slot } = tileSlot(level, index);
  const row = db
    .prepare<[number, number], { hashes: Buffer }>('SELECT hashes FROM audit_tree_tiles WHERE level = ? AND idx = ?')
    .get(tileLevel, tileIndex)!;
  hash.copy(row.hashes, slot * 32);
  db.prepare('UPDATE audit_tree_tiles SET hashes = ? WHERE level = ? AND idx = ?').run(
    row.hashes,
    tileLevel,
    tileIndex,
  );
}

/** Cuts a tile short so that the node at (level 8T, index) and the rest of its tile are gone. */
export function cutTileAt(db: Database.Database, level: number, index: number): void {
  const { tileLevel, tileIndex, needsWidth } = tileSlot(level, index);
  db.prepare('UPDATE audit_tree_tiles SET width = ? WHERE level = ? AND idx = ?').run(
    needsWidth - 1,
    tileLevel,
    tileIndex,
  );
}
