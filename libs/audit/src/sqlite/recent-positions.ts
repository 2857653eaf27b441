import type { Position } from '@app/ledger';

/** The ledger positions of the last `capacity` leaves of the audit tree, by leaf index. */
export class RecentPositions {
  private readonly positions = new Map<number, Position>();

  constructor(private readonly capacity: number) {}

  note(index: number, position: Position): void {
    this.positions.set(index, position);
    if (this.positions.size > this.capacity) this.positions.delete(this.positions.keys().next().value!);
  }

  at(index: number): Position | undefined {
    return this.positions.get(index);
  }
}
