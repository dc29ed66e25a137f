import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

const draw = (seed: number, n: number) => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.float());
};

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draw(7, 50)).toEqual(draw(7, 50));
    expect(draw(7, 50)).not.toEqual(draw(8, 50));
    // Seeds are taken as 32-bit unsigned integers.
    expect(draw(-1, 5)).toEqual(draw(0xffffffff, 5));
  });

  it('draws floats in [0, 1) with a mean near 1/2 and no bucket starved', () => {
    const values = draw(1, 20_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Math.abs(values.reduce((a, b) => a + b, 0) / values.length - 0.5)).toBeLessThan(0.01);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]! += 1;
    // 2,000 expected per bucket; a binomial spread is about ±45.
    expect(buckets.every((n) => n > 1800 && n < 2200)).toBe(true);
  });

  it('draws every integer of a range, bounds included, and nothing outside', () => {
    const r = createRandom(3);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(-2, 3)));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(r.int(5, 5)).toBe(5);
  });

  it('refuses a reversed or fractional range and an empty pick', () => {
    const r = createRandom(3);
    expect(() => r.int(3, 2)).toThrow(RangeError);
    expect(() => r.int(0.5, 2)).toThrow(RangeError);
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('picks members and shuffles into a permutation without touching the original', () => {
    const r = createRandom(9);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(items).toContain(r.pick(items));
    const shuffled = r.shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('takes chance(p) with frequency p', () => {
    const r = createRandom(4);
    const hits = Array.from({ length: 10_000 }, () => r.chance(0.3)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2850);
    expect(hits).toBeLessThan(3150);
  });
});
