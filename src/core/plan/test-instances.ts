/** Test support: planner instances with a known optimum, found without the planner's own code. */
import type { Random } from '../random.ts';
import type { BufferLife } from './live.ts';

/**
 * The smallest arena for `buffers` (sizes multiples of 16) by trying every offset of every buffer on the
 * 16-byte grid, in input order, cutting branches that cannot beat the best so far. Exponential: tiny inputs.
 */
export function bruteForceArena(buffers: readonly BufferLife[]): number {
  const units = buffers.map((b) => b.bytes / 16);
  const offsets: number[] = [];
  let best = units.reduce((a, b) => a + b, 0);
  const clash = (i: number, at: number, j: number) => {
    const a = buffers[i] as BufferLife;
    const b = buffers[j] as BufferLife;
    const o = offsets[j] as number;
    const timeShared = a.firstStep <= b.lastStep && b.firstStep <= a.lastStep;
    return timeShared && at < o + (units[j] as number) && o < at + (units[i] as number);
  };
  const visit = (i: number, top: number): void => {
    if (top >= best) return;
    if (i === buffers.length) {
      best = top;
      return;
    }
    const size = units[i] as number;
    for (let at = 0; at + size < best; at++) {
      if (offsets.some((_, j) => clash(i, at, j))) continue;
      offsets.push(at);
      visit(i + 1, Math.max(top, at + size));
      offsets.pop();
    }
  };
  visit(0, 0);
  return best * 16;
}

/**
 * Buffers that tile a `width`×`steps` rectangle of (bytes × time) exactly: at each step some buffers go on
 * and the gaps are filled with new ones. Every step is full, so the optimum equals the width, which is also
 * the live-bytes bound; returned in a shuffled order.
 */
export function tightTiling(random: Random, widthUnits: number, steps: number): BufferLife[] {
  interface Tile {
    start: number;
    end: number;
    firstStep: number;
    lastStep: number;
  }
  const all: Tile[] = [];
  let live: Tile[] = [];
  for (let step = 0; step < steps; step++) {
    const kept = live.filter(() => random.chance(0.5)).sort((a, b) => a.start - b.start);
    for (const t of kept) t.lastStep = step;
    live = [...kept];
    let at = 0;
    for (const edge of [...kept, { start: widthUnits, end: widthUnits }]) {
      while (at < edge.start) {
        const tile = {
          start: at,
          end: Math.min(edge.start, at + random.int(1, 4)),
          firstStep: step,
          lastStep: step,
        };
        all.push(tile);
        live.push(tile);
        at = tile.end;
      }
      at = edge.end;
    }
  }
  return random
    .shuffle(all)
    .map((t) => ({ bytes: (t.end - t.start) * 16, firstStep: t.firstStep, lastStep: t.lastStep }));
}
