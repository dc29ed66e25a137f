import { roundHalfAway } from './calibrate.ts';
import type { QuantParams } from './types.ts';

/**
 * F-63: the 256-entry table of an elementwise function: T[q + 128] is f of the real input sx·(q − zx),
 * quantized to the output and clamped to [lo, hi] (a fused clamp folds in here).
 */
export function lookupTable(
  f: (v: number) => number,
  input: QuantParams,
  output: QuantParams,
  lo = -128,
  hi = 127,
): Int8Array {
  return Int8Array.from({ length: 256 }, (_, i) => {
    const real = f(input.scale * (i - 128 - input.zeroPoint));
    return Math.min(hi, Math.max(lo, roundHalfAway(real / output.scale) + output.zeroPoint));
  });
}

/** F-62: T[0][a] = round(2^15·exp(−sx·16a)), T[1][b] = round(2^15·exp(−sx·b)), so T[0]·T[1] ≈ 2^30·exp(−sx·d). */
export function softmaxTable(inputScale: number): Uint16Array {
  const table = new Uint16Array(32);
  for (let k = 0; k < 16; k++) {
    table[k] = Math.round(32768 * Math.exp(-inputScale * 16 * k));
    table[16 + k] = Math.round(32768 * Math.exp(-inputScale * k));
  }
  return table;
}

/**
 * Largest error of a lookup table against the float function over every int8 input, in output steps: what
 * quantizing the output costs (the input is exact, being int8 already). At most 0.5 by construction.
 */
export function lookupError(
  f: (v: number) => number,
  table: Int8Array,
  input: QuantParams,
  output: QuantParams,
): number {
  let worst = 0;
  table.forEach((t, i) => {
    const exact = f(input.scale * (i - 128 - input.zeroPoint)) / output.scale + output.zeroPoint;
    const clipped = Math.min(127, Math.max(-128, exact));
    worst = Math.max(worst, Math.abs(t - clipped));
  });
  return worst;
}
