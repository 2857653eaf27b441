import { cpus, totalmem } from 'node:os';

/** One measured figure, optionally compared with a baseline measured in the same run. */
export interface Figure {
  name: string;
  count: number;
  seconds: number;
  unit: string;
  baseline?: { name: string; count: number; seconds: number };
  target?: number;
  note?: string;
}

/** The value at quantile `q` (0..1) of ascending `sorted` values; 0 when there are none. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export function rate(count: number, seconds: number): number {
  return count / seconds;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ seconds: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** Prints a figure as `rate, baseline rate, ratio` and whether it meets its target ratio. */
export function report(figure: Figure): string {
  const own = rate(figure.count, figure.seconds);
  let line = `${figure.name.padEnd(44)} ${fmt(own).padStart(12)} ${figure.unit}`;
  if (figure.baseline) {
    const base = rate(figure.baseline.count, figure.baseline.seconds);
    const ratio = own / base;
    line += ` | baseline (${figure.baseline.name}) ${fmt(base)} ${figure.unit} | ratio ${(ratio * 100).toFixed(1)}%`;
    if (figure.target !== undefined)
      line +=
        ratio >= figure.target ? ` ✔ (target ≥ ${figure.target * 100}%)` : ` ✘ (target ≥ ${figure.target * 100}%)`;
  }
  if (figure.note) line += ` | ${figure.note}`;
  return line;
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}

/** Samples RSS while work runs, to show that streaming reads stay flat. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ peakMb: number; result: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { peakMb: peak / 2 ** 20, result };
  } finally {
    clearInterval(timer);
  }
}

export function log(line: string): void {
  process.stdout.write(line + '\n');
}
