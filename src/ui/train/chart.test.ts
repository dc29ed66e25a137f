import { describe, expect, it } from 'vitest';
import { downsample, extent, linearScale, linePath, niceTicks } from './chart.ts';

describe('chart helpers', () => {
  it('places ticks at round steps inside the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 247, 5)).toEqual([50, 100, 150, 200]);
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(niceTicks(NaN, 1)).toEqual([]);
  });

  it('averages runs when downsampling and keeps short series whole', () => {
    const points = Array.from({ length: 10 }, (_, i) => [i, i * 2] as const);
    expect(downsample(points, 20)).toHaveLength(10);
    expect(downsample(points, 5)).toEqual([
      [0.5, 1],
      [2.5, 5],
      [4.5, 9],
      [6.5, 13],
      [8.5, 17],
    ]);
  });

  it('maps domains to ranges, upside down for y', () => {
    const y = linearScale([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(2.5)).toBe(75);
    expect(linearScale([1, 1], [0, 10])(1)).toBe(5);
  });

  it('breaks the line at values that are not finite', () => {
    const id = linearScale([0, 1], [0, 1]);
    expect(
      linePath(
        [
          [0, 0],
          [1, NaN],
          [2, 1],
          [3, 1],
        ],
        id,
        id,
      ),
    ).toBe('M0.0,0.0M2.0,1.0L3.0,1.0');
    expect(extent([NaN, 3, -1, Infinity])).toEqual([-1, 3]);
    expect(extent([])).toEqual([0, 1]);
  });
});
