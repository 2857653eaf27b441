/** NodeStores for specs: a huge consistent tree computed on demand, and a read counter. */
import { leafHash, nodeHash } from '../merkle-hash';
import { NodeEntry, NodeStore } from '../node-store';

/** A NodeStore of `size` identical leaves, computed on demand. */
export class ConstantLeafStore implements NodeStore {
  private readonly levels: Buffer[] = [leafHash(Buffer.from('same'))];

  constructor(private readonly leaves: number) {
    for (let level = 1; level < 54; level++) {
      this.levels.push(nodeHash(this.levels[level - 1], this.levels[level - 1]));
    }
  }

  get(level: number, index: number): Buffer | undefined {
    return (index + 1) * 2 ** level <= this.leaves ? this.levels[level] : undefined;
  }

  putMany(_entries: readonly NodeEntry[]): void {
    throw new Error('read-only');
  }

  size(): number {
    return this.leaves;
  }

  setSize(): void {
    throw new Error('read-only');
  }
}

export class CountingStore implements NodeStore {
  reads = 0;

  constructor(private readonly inner: NodeStore) {}

  get(level: number, index: number): Buffer | undefined {
    this.reads++;
    return this.inner.get(level, index);
  }

  putMany(entries: readonly NodeEntry[]): void {
    this.inner.putMany(entries);
  }

  size(): number {
    return this.inner.size();
  }

  setSize(size: number): void {
    this.inner.setSize(size);
  }
}
