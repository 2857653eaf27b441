import { Position } from '../event-envelope';

const NONE = -1n;

/**
 * Where the events a process has committed stop being known to be on disk, shared between
 * threads (a SharedArrayBuffer): while an append's fsync is still running (WalSync), its
 * events are visible to readers of the file but not yet durable, and a projection runner
 * must not apply them (a power loss then would leave a read model, or the audit tree,
 * holding events the log does not). The writing store sets the mark before its
 * transaction commits and lifts it once the fsync is done; a reading store, in another
 * thread of the same process, stops its global reads at the mark.
 */
export class DurableMark {
  private readonly view: BigInt64Array;

  readonly buffer: SharedArrayBuffer;

  /** A new mark (nothing held), or the view of one another thread made. */
  constructor(shared?: SharedArrayBuffer) {
    this.buffer = shared ?? new SharedArrayBuffer(8);
    this.view = new BigInt64Array(this.buffer);
    if (!shared) Atomics.store(this.view, 0, NONE);
  }

  /** The last position known durable while later ones wait for their fsync; null when none wait. */
  get(): Position | null {
    const value = Atomics.load(this.view, 0);
    return value === NONE ? null : value;
  }

  /** Before a commit: events after `position` are about to be visible and not yet durable. */
  hold(position: Position): void {
    if (Atomics.load(this.view, 0) === NONE) Atomics.store(this.view, 0, position);
  }

  /** After an fsync: everything up to `position` is durable; null lifts the mark (nothing waits). */
  release(position: Position | null): void {
    Atomics.store(this.view, 0, position ?? NONE);
  }
}
