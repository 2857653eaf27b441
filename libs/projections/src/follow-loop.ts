/**
 * "Catch up, then wait for a poke or the next poll, again": the live loop shared by
 * the projection runner and the live read models. A poke (an in-process append)
 * ends the wait at once; the poll finds what other processes appended.
 */
export class FollowLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly step: () => Promise<unknown>,
    private readonly pollIntervalMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.step();
        } catch (error) {
          this.onError(error);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, this.pollIntervalMs);
          this.wake = done;
          function done() {
            clearTimeout(timer);
            resolve();
          }
        });
      }
    })();
  }

  poke(): void {
    this.wake?.();
  }

  /** Ends the loop after its current step. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
