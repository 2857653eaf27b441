/**
 * Progress on stderr: one line rewritten in place on a terminal, a line every few
 * seconds otherwise (logs, CI), so stdout stays clean for results.
 */
export class Progress {
  // -Infinity: the first update is always shown (the monotonic timer starts near 0 with the process).
  private lastWrite = -Infinity;
  private shown = false;
  private readonly tty: boolean;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly intervalMs = 2000,
    /** Show the first line only after one interval (for runs that are often over by then). */
    quietStart = false,
  ) {
    this.tty = Boolean(out.isTTY);
    if (quietStart) this.lastWrite = performance.now();
  }

  update(text: string, force = false): void {
    // A monotonic timer, not the time of day: it only spaces the lines out.
    const now = performance.now();
    if (this.tty) {
      if (!force && now - this.lastWrite < 100) return;
      this.out.write(`\r\x1b[2K${text}`);
      this.shown = true;
    } else {
      if (!force && now - this.lastWrite < this.intervalMs) return;
      this.out.write(`${text}\n`);
    }
    this.lastWrite = now;
  }

  /** Clears the in-place line (if any), so that what is written next starts a clean line. */
  clear(): void {
    if (this.tty && this.shown) this.out.write('\r\x1b[2K');
    this.shown = false;
  }

  /** Ends the in-place line (if any) with a final text. */
  done(text: string): void {
    if (this.tty && this.shown) this.out.write(`\r\x1b[2K${text}\n`);
    else this.out.write(`${text}\n`);
    this.shown = false;
  }
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m} min ${String(s).padStart(2, '0')} s`;
}

/** "12,000 / 40,000 events (30 %), 8,500 events/s, ETA 3.3 s" */
export function rateLine(done: number, total: number, seconds: number, noun = 'events'): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const pct = total > 0 ? Math.min(100, (done / total) * 100) : 100;
  const eta = rate > 0 ? Math.max(0, total - done) / rate : null;
  return `${count(done)} / ${count(total)} ${noun} (${pct.toFixed(0)} %), ${count(rate)} ${noun}/s, ETA ${duration(eta)}`;
}

/**
 * "ledger verify: 12,000 / 40,000 (30%) events checked": at most a line a second, none for
 * runs shorter than that. Call `clear()` before printing the result.
 */
export function checkedProgress(label: string, progress: Progress = new Progress(process.stderr, 1000, true)) {
  const update = (checked: number, total?: number): void => {
    const of = total ? ` / ${total.toLocaleString('en-US')} (${Math.floor((checked / total) * 100)}%)` : '';
    progress.update(`${label}: ${checked.toLocaleString('en-US')}${of} events checked`);
  };
  return Object.assign(update, { clear: () => progress.clear() });
}
