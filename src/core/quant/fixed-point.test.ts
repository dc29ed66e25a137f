import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { INT32_MAX, INT32_MIN, mbqm, quantizeMultiplier, rdbpot, srdhm } from './fixed-point.ts';

// A direct BigInt transcription of the FORMAT §6.1 pseudo-code, independent of the split arithmetic.
const B31 = 1n << 31n;
function srdhmRef(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  const ab = BigInt(a) * BigInt(b);
  const nudge = ab >= 0n ? 1n << 30n : 1n - (1n << 30n);
  return Number((ab + nudge) / B31); // BigInt division truncates toward zero, like C
}
function rdbpotRef(x: number, e: number): number {
  const X = BigInt(x);
  const mask = (1n << BigInt(e)) - 1n;
  const remainder = X & mask;
  const threshold = (mask >> 1n) + (X < 0n ? 1n : 0n);
  return Number((X >> BigInt(e)) + (remainder > threshold ? 1n : 0n));
}
function mbqmRef(x: number, m: number, shift: number): number {
  const left = shift > 0 ? shift : 0;
  const right = shift > 0 ? 0 : -shift;
  let xs = BigInt(x) << BigInt(left);
  if (xs > BigInt(INT32_MAX)) xs = BigInt(INT32_MAX);
  if (xs < BigInt(INT32_MIN)) xs = BigInt(INT32_MIN);
  return rdbpotRef(srdhmRef(Number(xs), m), right);
}

const EDGES = [
  INT32_MIN,
  INT32_MIN + 1,
  -(2 ** 30),
  -65537,
  -65536,
  -65535,
  -32768,
  -255,
  -2,
  -1,
  0,
  1,
  2,
  127,
  32767,
  65535,
  65536,
  2 ** 30,
  INT32_MAX - 1,
  INT32_MAX,
];

describe('fixed-point arithmetic [F-50] [F-51]', () => {
  it('[F-50] SRDHM equals the 64-bit definition on edges and 200,000 random pairs', () => {
    for (const a of EDGES) for (const b of EDGES) expect(srdhm(a, b), `${a}·${b}`).toBe(srdhmRef(a, b));
    const rnd = createRandom(7);
    for (let i = 0; i < 200_000; i++) {
      const a = rnd.int(INT32_MIN, INT32_MAX);
      const b = i % 3 === 0 ? rnd.int(-70000, 70000) : rnd.int(INT32_MIN, INT32_MAX);
      if (srdhm(a, b) !== srdhmRef(a, b)) expect(srdhm(a, b), `${a}·${b}`).toBe(srdhmRef(a, b));
    }
  });

  it('[F-50] RDBPOT rounds half away from zero for every exponent 0..31', () => {
    for (let e = 0; e <= 31; e++)
      for (const x of EDGES) expect(rdbpot(x, e), `${x}>>${e}`).toBe(rdbpotRef(x, e));
    expect([rdbpot(5, 1), rdbpot(-5, 1), rdbpot(6, 2), rdbpot(-6, 2), rdbpot(-7, 2)]).toEqual([
      3, -3, 2, -2, -2,
    ]);
  });

  it('[F-51] MBQM equals the definition, saturating left shifts', () => {
    const rnd = createRandom(11);
    for (let i = 0; i < 100_000; i++) {
      const x = rnd.int(INT32_MIN, INT32_MAX) >> rnd.int(0, 31);
      const m = rnd.int(0, INT32_MAX);
      const s = rnd.int(-31, 30);
      if (mbqm(x, m, s) !== mbqmRef(x, m, s)) expect(mbqm(x, m, s), `${x} ${m} ${s}`).toBe(mbqmRef(x, m, s));
    }
    expect(mbqm(INT32_MAX, INT32_MAX, 30)).toBe(mbqmRef(INT32_MAX, INT32_MAX, 30));
  });

  it('[F-52] encodes multipliers with m in [2^30, 2^31) and reproduces x·M within one unit', () => {
    const rnd = createRandom(3);
    for (let i = 0; i < 2000; i++) {
      const real = Math.exp(rnd.float() * 30 - 20);
      const { multiplier, shift } = quantizeMultiplier(real);
      expect(multiplier).toBeGreaterThanOrEqual(2 ** 30);
      expect(multiplier).toBeLessThan(2 ** 31);
      expect(Math.abs(multiplier * 2 ** (shift - 31) - real) / real).toBeLessThan(2 ** -30);
      const limit = Math.min(100000, Math.floor(2 ** 30 / real));
      const x = rnd.int(-limit, limit);
      // Two roundings (SRDHM, then RDBPOT) and the 31-bit multiplier: at most one unit off x·M.
      expect(Math.abs(mbqm(x, multiplier, shift) - x * real)).toBeLessThanOrEqual(1);
    }
    expect(quantizeMultiplier(1)).toEqual({ multiplier: 2 ** 30, shift: 1 });
    expect(quantizeMultiplier(0.5)).toEqual({ multiplier: 2 ** 30, shift: 0 });
    expect(quantizeMultiplier(0)).toEqual({ multiplier: 0, shift: 0 });
    expect(quantizeMultiplier(2 ** -40)).toEqual({ multiplier: 0, shift: 0 });
    expect(() => quantizeMultiplier(2 ** 31)).toThrow(/rescaling/);
  });

  it('names a degenerate factor for what it is, never "a rescaling factor of NaN"', () => {
    const cases: [number, RegExp][] = [
      [NaN, /rescaling factor is not a number/],
      [Infinity, /rescaling factor is infinite/],
      [-0.5, /rescaling factor is negative \(-0\.5\)/],
    ];
    for (const [real, message] of cases) {
      expect(() => quantizeMultiplier(real, 'fc1')).toThrow(message);
      expect(() => quantizeMultiplier(real, 'fc1')).toThrow(
        expect.objectContaining({ code: 628, layerId: 'fc1' }),
      );
      expect(() => quantizeMultiplier(real, 'fc1')).not.toThrow(/NaN/);
    }
  });

  it('[F-61] a multiplier of exactly 1 copies every int8 difference unchanged', () => {
    const { multiplier, shift } = quantizeMultiplier(1);
    for (let x = -255; x <= 255; x++) expect(mbqm(x, multiplier, shift)).toBe(x);
  });
});
