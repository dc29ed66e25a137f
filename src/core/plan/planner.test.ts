import { describe, expect, it } from 'vitest';
import { MinnowError } from '../errors.ts';
import { createRandom } from '../random.ts';
import { alignUp, peakLiveBytes, type BufferLife } from './live.ts';
import { createPlanner } from './planner.ts';
import { bruteForceArena, tightTiling } from './test-instances.ts';
import { checkPlacement } from './verify.ts';

function plan(buffers: readonly BufferLife[], searchBudget?: number) {
  const planner = createPlanner(searchBudget === undefined ? {} : { searchBudget });
  buffers.forEach((b, i) => expect(planner.addBuffer(b.bytes, b.firstStep, b.lastStep)).toBe(i));
  const result = planner.plan();
  expect(checkPlacement(buffers, result.offsets, result.arenaBytes)).toEqual([]);
  return result;
}

const buf = (bytes: number, firstStep: number, lastStep: number): BufferLife => ({
  bytes,
  firstStep,
  lastStep,
});

describe('memory planner: hand cases', () => {
  it('plans nothing as an empty arena', () => {
    expect(plan([])).toEqual({ offsets: [], arenaBytes: 0 });
  });

  it('rounds sizes up to 16 bytes and aligns offsets', () => {
    expect(plan([buf(1, 0, 0)])).toEqual({ offsets: [0], arenaBytes: 16 });
    // 17 bytes take 32, 1 byte takes 16; live together they need 48 (checkPlacement checks alignment).
    expect(plan([buf(17, 0, 1), buf(1, 1, 2)]).arenaBytes).toBe(48);
  });

  it('reuses memory across buffers that are never live together', () => {
    expect(plan([buf(100, 0, 0), buf(64, 1, 1), buf(80, 2, 2)])).toEqual({
      offsets: [0, 0, 0],
      arenaBytes: 112,
    });
  });

  it('packs a chain to its largest neighbouring pair', () => {
    // input 784 → 100 → 10: live pairs (784+100), (100+10): 800 + 112 aligned.
    const r = plan([buf(784, 0, 0), buf(100, 0, 1), buf(10, 1, 1)]);
    expect(r.arenaBytes).toBe(alignUp(784) + alignUp(100));
  });

  it('places a long-lived skip buffer so that short ones stack around it', () => {
    const buffers = [buf(64, 0, 4), buf(32, 0, 1), buf(32, 1, 2), buf(32, 2, 3), buf(32, 3, 4)];
    expect(plan(buffers).arenaBytes).toBe(128);
  });

  it('rejects sizes and lifetimes that are not whole, ordered numbers with a coded error', () => {
    const planner = createPlanner();
    for (const [bytes, first, last] of [
      [-1, 0, 0],
      [1.5, 0, 0],
      [Number.NaN, 0, 0],
      [16, 2, 1],
      [16, -1, 0],
      [16, 0, Number.POSITIVE_INFINITY],
    ] as const) {
      let error: unknown;
      try {
        planner.addBuffer(bytes, first, last);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MinnowError);
      expect((error as MinnowError).code).toBe(203);
    }
  });
});

describe('memory planner: optimality', () => {
  it('matches a brute-force optimum on 300 small random instances', () => {
    const random = createRandom(11);
    for (let k = 0; k < 300; k++) {
      const buffers = Array.from({ length: random.int(2, 6) }, () => {
        const first = random.int(0, 4);
        return buf(random.int(1, 4) * 16 - random.int(0, 15), first, first + random.int(0, 3));
      });
      const aligned = buffers.map((b) => ({ ...b, bytes: alignUp(b.bytes) }));
      expect(plan(buffers).arenaBytes).toBe(bruteForceArena(aligned));
    }
  });

  it('finds the optimum where every heuristic order misses it (instances found by brute force)', () => {
    const cases: [number, number, number][][] = [
      [
        [16, 4, 6],
        [64, 3, 5],
        [80, 1, 3],
        [48, 5, 8],
        [64, 2, 2],
        [64, 3, 4],
        [48, 0, 2],
        [80, 5, 6],
      ],
      [
        [96, 3, 5],
        [48, 5, 6],
        [48, 2, 3],
        [80, 0, 0],
        [64, 1, 2],
        [16, 4, 7],
        [48, 2, 2],
        [48, 3, 4],
      ],
      [
        [80, 0, 3],
        [80, 3, 5],
        [32, 3, 3],
        [96, 0, 0],
        [32, 3, 3],
        [32, 5, 7],
        [96, 5, 5],
        [16, 4, 6],
      ],
      [
        [64, 2, 3],
        [64, 3, 6],
        [48, 3, 4],
        [64, 1, 3],
        [80, 2, 4],
        [32, 1, 4],
        [96, 4, 6],
      ],
      [
        [96, 0, 1],
        [48, 3, 4],
        [64, 5, 8],
        [16, 4, 7],
        [80, 3, 5],
        [48, 2, 3],
      ],
    ];
    for (const c of cases) {
      const buffers = c.map(([bytes, first, last]) => buf(bytes, first, last));
      expect(plan(buffers).arenaBytes).toBe(bruteForceArena(buffers));
    }
  });

  it('reaches the optimum on at least 95% of 200 tight tilings, and never does worse than without search', () => {
    const random = createRandom(3);
    let reached = 0;
    for (let k = 0; k < 200; k++) {
      const width = random.int(4, 12);
      const buffers = tightTiling(random, width, random.int(3, 20));
      expect(peakLiveBytes(buffers)).toBe(width * 16);
      const searched = plan(buffers).arenaBytes;
      expect(searched).toBeLessThanOrEqual(plan(buffers, 0).arenaBytes);
      if (searched === width * 16) reached++;
    }
    expect(reached).toBeGreaterThanOrEqual(190);
  });

  it('gives the same offsets for the same buffers', () => {
    const buffers = tightTiling(createRandom(5), 20, 30);
    expect(plan(buffers)).toEqual(plan(buffers));
  });
});
