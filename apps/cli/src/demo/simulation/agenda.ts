import { DAY } from '../demo-time';
import type { Random } from '../random';
import type { SimMatter } from './simulated-matter';

interface Task {
  at: number;
  seq: number;
  run: () => unknown;
}

/** A binary heap of tasks by time, ties in scheduling order: the simulation's only clock. */
export class Agenda {
  private heap: Task[] = [];
  private seq = 0;

  add(atMs: number, run: Task['run']): void {
    const task = { at: atMs, seq: this.seq++, run };
    const h = this.heap;
    h.push(task);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  next(): Task | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Task, b: Task): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** Matters recent enough to be contacted again, oldest first; older ones fall off the front. */
export class Pool {
  private items: SimMatter[] = [];
  private start = 0;

  constructor(private readonly windowDays: number) {}

  add(matter: SimMatter): void {
    this.items.push(matter);
  }

  pick(rng: Random, nowMs: number, prefer?: (m: SimMatter) => boolean): SimMatter | null {
    const horizon = nowMs - this.windowDays * DAY;
    while (this.start < this.items.length && Date.parse(this.items[this.start].state.openedAt) < horizon) this.start++;
    const size = this.items.length - this.start;
    if (size === 0) return null;
    let chosen: SimMatter | null = null;
    for (let attempt = 0; attempt < 6; attempt++) {
      chosen = this.items[this.start + Math.floor(rng.next() * size)];
      if (!prefer || prefer(chosen)) break;
    }
    if (this.start > 4096) {
      this.items = this.items.slice(this.start);
      this.start = 0;
    }
    return chosen;
  }
}
