import type { Lifetime } from './live.ts';

/** A buffer as the planner sees it: aligned size and lifetime. */
export interface PlanItem extends Lifetime {
  readonly size: number;
}

/**
 * First-fit placement in a given order: each buffer goes to the lowest offset where it overlaps no buffer
 * already placed that is live at a common step. Some order reaches the optimum: placing buffers in the
 * order of any optimal layout's offsets puts each one at or below its optimal offset.
 */
export class FirstFit {
  /** Work done so far (buffers placed plus neighbours examined): the search budget's unit. */
  work = 0;
  readonly offsets: number[];
  private readonly neighbours: number[][];
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;

  constructor(readonly items: readonly PlanItem[]) {
    this.offsets = items.map(() => -1);
    this.neighbours = items.map(() => []);
    this.starts = new Float64Array(items.length);
    this.ends = new Float64Array(items.length);
    // Sweep in order of first step: a later-starting buffer overlaps i iff it starts before i ends.
    const byStart = items
      .map((_, i) => i)
      .sort((a, b) => (items[a] as PlanItem).firstStep - (items[b] as PlanItem).firstStep);
    byStart.forEach((i, x) => {
      const end = (items[i] as PlanItem).lastStep;
      for (let y = x + 1; y < byStart.length; y++) {
        const j = byStart[y] as number;
        if ((items[j] as PlanItem).firstStep > end) break;
        this.neighbours[i]?.push(j);
        this.neighbours[j]?.push(i);
      }
    });
  }

  /** Lowest free offset for item i among the items placed so far. */
  fit(i: number): number {
    const size = (this.items[i] as PlanItem).size;
    // Placed neighbours' [start, end) ranges, kept sorted by start with an insertion sort: lists are short.
    const starts = this.starts;
    const ends = this.ends;
    let count = 0;
    for (const j of this.neighbours[i] as number[]) {
      const start = this.offsets[j] as number;
      if (start < 0) continue;
      let k = count++;
      for (; k > 0 && (starts[k - 1] as number) > start; k--) {
        starts[k] = starts[k - 1] as number;
        ends[k] = ends[k - 1] as number;
      }
      starts[k] = start;
      ends[k] = start + (this.items[j] as PlanItem).size;
    }
    this.work += count + 1;
    let at = 0;
    for (let k = 0; k < count; k++) {
      if (at + size <= (starts[k] as number)) break;
      at = Math.max(at, ends[k] as number);
    }
    return at;
  }

  /** Places every item in `order`; the arena size, or Infinity as soon as it would exceed `limit`. */
  place(order: readonly number[], limit = Infinity): number {
    this.offsets.fill(-1);
    let arena = 0;
    for (const i of order) {
      const at = this.fit(i);
      this.offsets[i] = at;
      arena = Math.max(arena, at + (this.items[i] as PlanItem).size);
      if (arena > limit) return Infinity;
    }
    return arena;
  }
}
