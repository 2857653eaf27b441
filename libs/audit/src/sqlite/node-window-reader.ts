import type Database from 'better-sqlite3';

const WINDOW = 4096;

/**
 * Reads stored tree nodes for a pass in index order (verification): each level's
 * nodes are fetched a window of 4,096 at a time with one range query, instead of
 * one point query per node. Only for reading a tree that is not being rewritten.
 */
export class NodeWindowReader {
  private readonly range: Database.Statement<[number, number, number], [number, Buffer]>;
  /** Per level: the first index of the window held and its hashes (undefined = absent). */
  private readonly windows: Array<{ start: number; hashes: Array<Buffer | undefined> } | undefined> = [];

  constructor(db: Database.Database) {
    this.range = db
      .prepare<[number, number, number], [number, Buffer]>(
        'SELECT idx, hash FROM audit_tree_nodes WHERE level = ? AND idx >= ? AND idx < ?',
      )
      .raw();
  }

  node(level: number, index: number): Buffer | undefined {
    let window = this.windows[level];
    if (!window || index < window.start || index >= window.start + WINDOW) {
      window = { start: index, hashes: new Array<Buffer | undefined>(WINDOW) };
      for (const [idx, hash] of this.range.all(level, index, index + WINDOW)) window.hashes[idx - index] = hash;
      this.windows[level] = window;
    }
    return window.hashes[index - window.start];
  }
}
