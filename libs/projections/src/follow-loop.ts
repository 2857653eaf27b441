/**
 * "Catch up, then wait for a poke or the next poll, again": the live loop shared by
 * the projection runner and the live read models. A poke (an in-process append)
 * ends the wait at once; the poll finds what other processes appended.
 */
export class FollowLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** A poke that came while a step ran: the loop steps again at once instead of waiting for the poll. */
  private poked = false;

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
        this.poked = false;
        try {
          await this.step();
        } catch (error) {
          this.onError(error);
        }
        if (this.poked) continue;
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            this.wake = null;
            resolve();
          };
          const timer = setTimeout(done, this.pollIntervalMs);
          this.wake = done;
        });
      }
    })();
  }

  poke(): void {
    if (this.wake) this.wake();
    else this.poked = true;
  }

  /** Ends the loop after its current step. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
