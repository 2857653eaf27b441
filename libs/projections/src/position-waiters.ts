import { Position } from '@app/ledger';

/** Callers waiting for the read models to reach a position (`minPosition`, read-your-writes). */
export class PositionWaiters {
  private readonly waiters = new Set<{ position: Position; resolve: () => void }>();

  /** Resolves true once `notify` reports `position` reached, false after the timeout. */
  wait(position: Position, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Releases every waiter whose position is now applied. */
  notify(applied: Position): void {
    for (const waiter of [...this.waiters]) if (applied >= waiter.position) waiter.resolve();
  }
}
