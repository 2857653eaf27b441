import { TILE_SLOTS, TILE_WIDTH, tileSlot } from './tiles';

describe('tile layout', () => {
  it('puts the 510 nodes of a tile in 510 distinct slots, bottom level first', () => {
    for (const tileIndex of [0, 3]) {
      const slots = new Set<number>();
      for (let inner = 0; inner < 8; inner++) {
        const perTile = TILE_WIDTH / 2 ** inner;
        for (let offset = 0; offset < perTile; offset++) {
          const at = tileSlot(8 + inner, tileIndex * perTile + offset);
          expect([at.tileLevel, at.tileIndex]).toEqual([1, tileIndex]);
          slots.add(at.slot);
        }
      }
      expect(slots.size).toBe(TILE_SLOTS);
      expect(Math.min(...slots)).toBe(0);
      expect(Math.max(...slots)).toBe(TILE_SLOTS - 1);
    }
  });

  it('says from which width of its tile a node exists', () => {
    // Leaf 300: the 45th bottom node of the second tile.
    expect(tileSlot(0, 300)).toEqual({ tileLevel: 0, tileIndex: 1, slot: 44, needsWidth: 45 });
    // Level 3, index 5 covers leaves 40..47: complete once bottom nodes 0..47 are there.
    expect(tileSlot(3, 5)).toEqual({ tileLevel: 0, tileIndex: 0, slot: 256 + 128 + 64 + 5, needsWidth: 48 });
    // The top of a tile (level 7) needs the whole width; level 8 starts the next tile level.
    expect(tileSlot(7, 1)).toEqual({ tileLevel: 0, tileIndex: 0, slot: 509, needsWidth: 256 });
    expect(tileSlot(8, 0)).toEqual({ tileLevel: 1, tileIndex: 0, slot: 0, needsWidth: 1 });
  });

  it('stays exact for indices near 2^53', () => {
    const index = 2 ** 45 - 1; // the last node of level 8 in a tree of 2^53 leaves
    expect(tileSlot(8, index)).toEqual({ tileLevel: 1, tileIndex: 2 ** 37 - 1, slot: 255, needsWidth: 256 });
  });
});
