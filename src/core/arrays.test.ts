import { describe, expect, it } from 'vitest';
import { appendAll, argMax, maxOf } from './arrays.ts';

describe('array helpers for any length', () => {
  it('find the largest value and its first index, as Math.max and indexOf do on short arrays', () => {
    const short = [3, -1, 7, 7, 2];
    expect(maxOf(short)).toBe(Math.max(...short));
    expect(argMax(short)).toBe(short.indexOf(Math.max(...short)));
    expect(argMax([])).toBe(-1);
    expect(maxOf([])).toBe(-Infinity);
  });

  it('handle a million values, where spreading them into a call overflows the stack', () => {
    const big = Int8Array.from({ length: 1_000_000 }, (_, i) => (i === 654_321 ? 127 : (i % 200) - 100));
    expect(() => Math.max(...big)).toThrow(RangeError);
    expect(maxOf(big)).toBe(127);
    expect(argMax(big)).toBe(654_321);
    const target = [1];
    appendAll(target, big);
    expect(target.length).toBe(1_000_001);
    expect(target[654_322]).toBe(127);
  });
});
