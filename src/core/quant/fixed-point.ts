/**
 * The integer requantization arithmetic of FORMAT §6.1, exact for every int32 input. JavaScript numbers
 * are exact only up to 2^53, so the 64-bit product of SRDHM is split in halves; fixed-point.test.ts checks
 * these functions against a BigInt transcription of the pseudo-code.
 */
import { MinnowError } from '../errors.ts';

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
const TWO_15 = 32768;
const TWO_16 = 65536;
const TWO_31 = 2147483648;

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** F-50 SaturatingRoundingDoublingHighMul: trunc((a·b + nudge) / 2^31), nudge = ±2^30 toward a·b's sign. */
export function srdhm(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  const nonNegative = a === 0 || b === 0 || a > 0 === b > 0;
  const nudge = nonNegative ? 1 << 30 : 1 - (1 << 30);
  // a·b + nudge = hi·2^16 + lo with hi = a·bHi and lo = a·bLo + nudge, each exact (< 2^48).
  const bHi = Math.floor(b / TWO_16);
  const hi = a * bHi;
  const lo = a * (b - bHi * TWO_16) + nudge;
  // hi·2^16 = q·2^31 + r·2^16 with 0 <= r < 2^15, so the sum is q·2^31 + rest, rest exact.
  const q = Math.floor(hi / TWO_15);
  const rest = (hi - q * TWO_15) * TWO_16 + lo;
  const restHigh = Math.floor(rest / TWO_31);
  const floor = q + restHigh;
  const remainder = rest - restHigh * TWO_31;
  // Truncation toward zero differs from floor for a negative, inexact quotient.
  return floor < 0 && remainder !== 0 ? floor + 1 : floor;
}

/** F-50 RoundingDivideByPOT: x / 2^e rounded half away from zero, 0 <= e <= 31. */
export function rdbpot(x: number, exponent: number): number {
  const mask = 2 ** exponent - 1;
  const remainder = x & mask;
  const threshold = (mask >>> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/** F-51 MultiplyByQuantizedMultiplier: ≈ x · m · 2^(shift − 31), with 0 <= m < 2^31, −31 <= shift <= 30. */
export function mbqm(x: number, multiplier: number, shift: number): number {
  const left = shift > 0 ? shift : 0;
  const right = shift > 0 ? 0 : -shift;
  // A product beyond 2^53 is inexact but far past the clamp, so the saturated value is still exact.
  const shifted = clamp(x * 2 ** left, INT32_MIN, INT32_MAX);
  return rdbpot(srdhm(shifted, multiplier), right);
}

/** F-52 output stage: the zero point added exactly, then the clamp. */
export function requantize(
  acc: number,
  multiplier: number,
  shift: number,
  zeroPoint: number,
  lo: number,
  hi: number,
): number {
  return clamp(zeroPoint + mbqm(acc, multiplier, shift), lo, hi);
}

export interface QuantizedMultiplier {
  readonly multiplier: number;
  readonly shift: number;
}

/**
 * F-52: encodes a real multiplier M >= 0 as m·2^(shift−31), m in [2^30, 2^31). Throws QUANT_OUT_OF_RANGE
 * (naming `layer`) when M needs a shift above 30, i.e. M >= 2^30, and QUANT_SCALE_INVALID when M is not a
 * finite number >= 0 (a degenerate scale upstream: no factor would be right).
 */
export function quantizeMultiplier(real: number, layer = '?'): QuantizedMultiplier {
  if (!(real >= 0) || !Number.isFinite(real)) {
    const what = Number.isNaN(real) ? 'not a number' : real < 0 ? `negative (${real})` : 'infinite';
    throw new MinnowError('QUANT_SCALE_INVALID', { layer, what });
  }
  if (real === 0) return { multiplier: 0, shift: 0 };
  let exponent = Math.floor(Math.log2(real)) + 1;
  // log2 may be off by one at powers of two; settle the exponent so that the fraction is in [0.5, 1).
  while (real / 2 ** exponent >= 1) exponent++;
  while (real / 2 ** exponent < 0.5) exponent--;
  let multiplier = Math.round((real / 2 ** exponent) * TWO_31);
  if (multiplier === TWO_31) {
    multiplier = TWO_31 / 2;
    exponent++;
  }
  if (exponent < -31) return { multiplier: 0, shift: 0 };
  if (exponent > 30) throw new MinnowError('QUANT_OUT_OF_RANGE', { layer, value: real });
  return { multiplier, shift: exponent };
}
