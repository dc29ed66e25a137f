import { describe, expect, it } from 'vitest';
import { brushRadius, centreByMass, PAD_SIDE, paint, stroke } from './drawing.ts';
import { sampleSeries, sampleToRgba } from './sample-image.ts';

const at = (grid: Float32Array, r: number, c: number) => grid[r * PAD_SIDE + c] as number;
const S = PAD_SIDE;

describe('the drawing pad', () => {
  it('inks the cell under the brush fully and fades around it', () => {
    const grid = new Float32Array(PAD_SIDE * PAD_SIDE);
    paint(grid, S, 10.5, 10.5, 1);
    expect(at(grid, 10, 10)).toBe(1);
    // One cell away diagonally is √2 from the centre: past the radius, inside the fade.
    expect(at(grid, 11, 11)).toBeCloseTo(2 - Math.SQRT2, 5);
    expect(at(grid, 10, 12)).toBe(0);
  });

  it('inks every cell along a stroke and clips at the edges', () => {
    const grid = new Float32Array(PAD_SIDE * PAD_SIDE);
    stroke(grid, S, [-3, 5.5], [40, 5.5], 0.5);
    for (let c = 0; c < PAD_SIDE; c++) expect(at(grid, 5, c)).toBe(1);
    expect(at(grid, 20, 5)).toBe(0);
  });

  it('moves ink drawn in a corner to the middle, as MNIST digits are centred', () => {
    const grid = new Float32Array(PAD_SIDE * PAD_SIDE);
    paint(grid, S, 3.5, 3.5, 1);
    const centred = centreByMass(grid, S);
    expect(at(centred, 13, 13) + at(centred, 14, 14)).toBeGreaterThan(1.5);
    expect(centred.reduce((a, b) => a + b, 0)).toBeCloseTo(
      grid.reduce((a, b) => a + b, 0),
      5,
    );
    expect(centreByMass(new Float32Array(4), 2)).toEqual(new Float32Array(4));
  });

  it('works on any side, with a brush as wide relative to the pad as on a digit', () => {
    expect(brushRadius(PAD_SIDE)).toBe(1.2);
    expect(brushRadius(56)).toBe(2.4);
    const grid = new Float32Array(10 * 10);
    paint(grid, 10, 9.5, 0.5, 0.4);
    // The top-right cell, and its neighbours on the 10-cell rows fading (0.4 + 1 − 1 = 0.4).
    expect([grid[9], grid[8], grid[19]]).toEqual([1, Math.fround(0.4), Math.fround(0.4)]);
    const dot = new Float32Array(10 * 10);
    dot[0] = 1;
    // Ink at cell (0, 0) moves to the middle, (4.5, 4.5) rounded: cell (5, 5), row by row.
    const centred = centreByMass(dot, 10);
    expect(centred[5 * 10 + 5]).toBe(1);
    expect(centred.reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('sample pictures', () => {
  it('turns grey and colour samples into opaque RGBA, and refuses other shapes', () => {
    expect(Array.from(sampleToRgba(Float32Array.from([0, 1]), [1, 2, 1]) ?? [])).toEqual([
      0, 0, 0, 255, 255, 255, 255, 255,
    ]);
    expect(Array.from(sampleToRgba(Float32Array.from([1, 0, 0.5]), [1, 1, 3]) ?? [])).toEqual([
      255, 0, 128, 255,
    ]);
    expect(sampleToRgba(new Float32Array(6), [6])).toBeNull();
  });

  it('splits a [steps, channels] sample into one series per channel', () => {
    expect(sampleSeries(Float32Array.from([1, 2, 3, 4, 5, 6]), [3, 2])).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });
});
