/**
 * Where a tree node sits in the stored tiles (the layout of audit_tree_tiles).
 *
 * Like the tiles of transparency-dev/tlog, a tile holds a subtree of height 8:
 * tile (tileLevel T, tileIndex t) has the 256 nodes of tree level 8T from index
 * 256t, and above them, within the tile, the 128, 64, ... 2 nodes of levels
 * 8T + 1 .. 8T + 7 they complete (510 hashes; the 1 node of level 8T + 8 is the
 * bottom of tile level T + 1). So a batch of 1,000 leaves rewrites a handful of
 * rows instead of inserting 2,000, and a verifier reads 256 leaves with one row.
 *
 * Unlike tlog, the inner levels are stored too: a proof reads its hashes and
 * never recomputes a subtree. A tile is written whole; `width` says how many of
 * its bottom nodes exist (the right edge of the tree is a partial tile), and a
 * node is present when every bottom node under it is.
 */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 2 ** TILE_HEIGHT;
/** Hashes in a tile: 256 + 128 + ... + 2. */
export const TILE_SLOTS = 2 * TILE_WIDTH - 2;
export const TILE_BYTES = TILE_SLOTS * 32;

export interface TileSlot {
  readonly tileLevel: number;
  readonly tileIndex: number;
  /** Position of the hash in the tile, 0..509 (byte offset slot * 32). */
  readonly slot: number;
  /** The tile's width (bottom nodes present) from which the node exists. */
  readonly needsWidth: number;
}

/** The tile, slot and required width of tree node (level, index). */
export function tileSlot(level: number, index: number): TileSlot {
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  const inner = level - tileLevel * TILE_HEIGHT;
  const perTile = TILE_WIDTH / 2 ** inner;
  const tileIndex = Math.floor(index / perTile);
  const offset = index - tileIndex * perTile;
  // Inner level j starts after the 256 + 128 + ... nodes of the levels below it: 512 - 512 / 2^j.
  const slot = 2 * TILE_WIDTH - (2 * TILE_WIDTH) / 2 ** inner + offset;
  return { tileLevel, tileIndex, slot, needsWidth: (offset + 1) * 2 ** inner };
}
