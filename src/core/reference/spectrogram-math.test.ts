import { describe, expect, it } from 'vitest';
import { fftQ15, highBit, isqrt, log2q, LOG2_KNOTS } from './spectrogram-math.ts';
import { twiddleTable } from '../quant/spectrogram.ts';

describe('the Spectrogram arithmetic [F-76]', () => {
  it('[F-76] the log2 knots are round(32768 · log2(1 + i/32))', () => {
    expect(LOG2_KNOTS).toEqual(
      Array.from({ length: 33 }, (_, i) => Math.round(32768 * Math.log2(1 + i / 32))),
    );
  });

  it('[F-76] log2q is exact at powers of two and within 2·10⁻⁴ of log2 elsewhere', () => {
    for (const e of [0, 1, 15, 16, 17, 30, 49]) expect(log2q(2 ** e)).toBe(32768 * e);
    for (const v of [3, 5, 1000, 65537, 123456789, 2 ** 40 + 12345, 2 ** 49 - 1]) {
      expect(Math.abs(log2q(v) / 32768 - Math.log2(v))).toBeLessThan(2e-4);
    }
  });

  it('[F-76] isqrt is the floor of the square root up to 2^51', () => {
    for (const v of [0, 1, 2, 3, 4, 99, 100, 2 ** 50 - 1, 2 ** 50, 2 ** 51 - 1]) {
      const s = isqrt(v);
      expect(s * s <= v && (s + 1) * (s + 1) > v).toBe(true);
    }
    expect(highBit(2 ** 49 + 1)).toBe(49);
  });

  it('[F-76] the FFT of a constant frame is all in bin 0, n times the value (hand computation)', () => {
    const n = 8;
    const re = new Float64Array(n).fill(1000);
    const im = new Float64Array(n);
    fftQ15(re, im, twiddleTable(n));
    // Every butterfly adds 1000 to 1000 in the first stage and sums of equal values after: 8000 at bin 0;
    // the other bins cancel up to the twiddle rounding of a few units.
    expect(re[0]).toBe(8000);
    for (let q = 1; q < n; q++) expect(Math.hypot(re[q] as number, im[q] as number)).toBeLessThanOrEqual(2);
  });

  it('[F-76] a tone puts its energy in its own bin: 2 kHz at 16 kHz, n = 16, lands in bin 2', () => {
    const n = 16;
    const re = Float64Array.from({ length: n }, (_, i) =>
      Math.round(16384 * Math.cos((2 * Math.PI * 2 * i) / n)),
    );
    const im = new Float64Array(n);
    fftQ15(re, im, twiddleTable(n));
    const mags = Array.from(re, (r, q) => Math.hypot(r, im[q] as number));
    // n/2 · amplitude = 131072 in bins 2 and n − 2; one rounding unit per stage at most elsewhere.
    expect(Math.abs((mags[2] as number) - 131072)).toBeLessThan(8);
    expect(mags.filter((m, q) => q !== 2 && q !== 14 && m > 8)).toEqual([]);
  });
});
