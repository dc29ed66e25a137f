import { describe, expect, it } from 'vitest';
import { perAxis, slide, windowOutput } from './window.ts';

const layer = { id: 'w', type: 'Conv2D' };

describe('sliding-window arithmetic', () => {
  it.each([
    // size, window, stride, padding, expected (hand counted)
    [8, 3, 1, 'valid', 6],
    [8, 3, 2, 'valid', 3], // starts at 0, 2, 4
    [7, 3, 2, 'valid', 3], // starts at 0, 2, 4
    [5, 5, 1, 'valid', 1],
    [7, 3, 2, 'same', 4], // ceil(7 / 2)
    [3, 5, 1, 'same', 3], // a window wider than the input still gives one output per position
    [10, 2, 3, 'same', 4],
  ] as const)('size %i, window %i, stride %i, %s → %i', (size, window, stride, padding, expected) => {
    expect(windowOutput(size, window, stride, padding)).toBe(expected);
  });

  it('spreads a single number over every axis and copies lists', () => {
    expect(perAxis(3, 2)).toEqual([3, 3]);
    const list = [2, 5];
    const copy = perAxis(list, 2);
    expect(copy).toEqual([2, 5]);
    expect(copy).not.toBe(list);
  });

  it('returns the spatial dims and the channel count', () => {
    expect(slide(layer, [9, 10, 4], { size: [3, 2], strides: [2, 3], padding: 'valid' })).toEqual({
      dims: [4, 3],
      channels: 4,
    });
  });

  it('names the layer when the window does not fit or the rank is wrong', () => {
    expect(() => slide(layer, [2, 9, 1], { size: [3, 3], strides: [1, 1], padding: 'valid' })).toThrow(
      expect.objectContaining({ id: 'KERNEL_TOO_LARGE', layerId: 'w' }),
    );
    expect(() => slide(layer, [9, 9], { size: [3, 3], strides: [1, 1], padding: 'same' })).toThrow(
      expect.objectContaining({ id: 'SHAPE_MISMATCH', layerId: 'w' }),
    );
  });
});
