import { describe, expect, it } from 'vitest';
import { sineDataset } from './sine.ts';
import { splitIndices, subset } from './split.ts';
import type { Dataset } from './types.ts';

describe('splitIndices', () => {
  it('puts every sample on exactly one side, shuffled, with the asked share for validation', () => {
    const s = splitIndices(1000, 0.2, 5);
    expect(s.validation.length).toBe(200);
    expect([...s.train, ...s.validation].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
    // Shuffled: a sorted data set's tail is not the validation set.
    expect(Math.min(...s.validation)).toBeLessThan(800);
  });

  it('keeps one sample on each side of tiny sets', () => {
    expect(splitIndices(2, 0.01).validation.length).toBe(1);
    expect(splitIndices(2, 0.99).train.length).toBe(1);
    expect(splitIndices(1, 0.5).validation.length).toBe(0);
  });

  it('[D-2] validates overlapping windows on the tail, in order, leaving out the windows that share data with it', () => {
    const s = splitIndices(100, 0.2, 3, 4);
    expect(Array.from(s.validation)).toEqual(Array.from({ length: 20 }, (_, i) => 80 + i));
    // Windows 76–79 share bytes with window 80: left out. Training keeps 0–75, shuffled.
    expect([...s.train].sort((a, b) => a - b)).toEqual(Array.from({ length: 76 }, (_, i) => i));
    expect(Array.from(s.train)).not.toEqual(Array.from({ length: 76 }, (_, i) => i));
    // A set too small for the gap still trains on one window.
    expect(splitIndices(5, 0.2, 1, 32)).toEqual({ train: Int32Array.of(0), validation: Int32Array.of(4) });
  });
});

describe('subset', () => {
  it('copies samples and targets in index order', () => {
    const d: Dataset = {
      name: 't',
      sampleShape: [2],
      count: 3,
      x: Float32Array.from([0, 1, 10, 11, 20, 21]),
      target: { kind: 'classes', names: ['a', 'b', 'c'], labels: Int32Array.from([0, 1, 2]) },
    };
    const s = subset(d, Int32Array.from([2, 0]));
    expect(Array.from(s.x)).toEqual([20, 21, 0, 1]);
    expect(s.target.kind === 'classes' && Array.from(s.target.labels)).toEqual([2, 0]);
  });

  it('copies regression targets', () => {
    const d = sineDataset({ count: 10, noise: 0 });
    const s = subset(d, Int32Array.from([3]));
    expect(s.target.kind === 'values' && s.target.values[0]).toBeCloseTo(Math.sin(d.x[3] as number), 5);
  });
});
