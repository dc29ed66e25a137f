import { describe, expect, it } from 'vitest';
import { centreSquare, cropScale, rgbToRgba } from './crop.ts';

/** An RGBA frame whose red channel is `red(x, y)`, green 10, blue 200, alpha 255. */
function frame(width: number, height: number, red: (x: number, y: number) => number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out.set([red(x, y), 10, 200, 255], (y * width + x) * 4);
  }
  return out;
}

describe('[D-8] webcam frames: centre square, area-averaged to the model size', () => {
  it('takes the centred square of a landscape and a portrait frame', () => {
    expect(centreSquare(640, 480)).toEqual({ x: 80, y: 0, size: 480 });
    expect(centreSquare(3, 6)).toEqual({ x: 0, y: 1, size: 3 });
    expect(centreSquare(5, 2)).toEqual({ x: 1, y: 0, size: 2 });
  });

  it('halves a 6×4 frame to 2×2 by averaging 2×2 blocks of its centre square (by hand)', () => {
    // Red = 10·x + y; the square is columns 1..4. Output (0,0) averages x∈{1,2}, y∈{0,1}: (10+11+20+21)/4.
    const rgb = cropScale(
      frame(6, 4, (x, y) => 10 * x + y),
      6,
      centreSquare(6, 4),
      2,
      2,
    );
    expect([rgb[0], rgb[3], rgb[6], rgb[9]]).toEqual([16, 36, 18, 38]);
    expect([rgb[1], rgb[2]]).toEqual([10, 200]);
  });

  it('weights partly covered pixels: 3 source pixels into 2 (by hand)', () => {
    // Row of red 0, 90, 180: output 0 covers [0, 1.5) → (0·1 + 90·0.5)/1.5 = 30; output 1 → (90·0.5 + 180)/1.5 = 150.
    const rgb = cropScale(
      frame(3, 3, (x) => 90 * x),
      3,
      centreSquare(3, 3),
      2,
      2,
    );
    expect([rgb[0], rgb[3], rgb[6], rgb[9]]).toEqual([30, 150, 30, 150]);
  });

  it('enlarges a small frame by repeating pixels, and keeps the size when it matches', () => {
    const rgb = cropScale(
      frame(2, 2, (x, y) => 100 * x + 50 * y),
      2,
      centreSquare(2, 2),
      4,
      4,
    );
    expect(Array.from({ length: 4 }, (_, x) => rgb[x * 3])).toEqual([0, 0, 100, 100]);
    const same = cropScale(
      frame(3, 3, (x, y) => x * 3 + y),
      3,
      centreSquare(3, 3),
      3,
      3,
    );
    expect(Array.from({ length: 9 }, (_, p) => same[p * 3])).toEqual([0, 3, 6, 1, 4, 7, 2, 5, 8]);
  });

  it('makes opaque RGBA of RGB bytes', () => {
    expect([...rgbToRgba(Uint8Array.of(1, 2, 3, 4, 5, 6))]).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
  });
});
