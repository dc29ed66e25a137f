/**
 * The integer arithmetic of the Spectrogram op (docs/FORMAT.md F-76). Every value stays below 2^53, so
 * plain numbers compute it exactly; C uses int64 where these comments say 64-bit.
 */

/** G[i] = round(32768 · log2(1 + i/32)), i ≤ 32: the knots of log2q (F-76), as listed in ops/spectrogram.c. */
export const LOG2_KNOTS: readonly number[] = [
  0, 1455, 2866, 4236, 5568, 6863, 8124, 9352, 10549, 11716, 12855, 13968, 15055, 16117, 17156, 18173, 19168,
  20143, 21098, 22034, 22952, 23852, 24736, 25604, 26455, 27292, 28114, 28922, 29717, 30498, 31267, 32024,
  32768,
];

/** floor(log2 v) for an integer 1 ≤ v < 2^53. */
export function highBit(v: number): number {
  let e = 0;
  while (e < 52 && 2 ** (e + 1) <= v) e++;
  return e;
}

/** F-76: log2(v) in Q15 for an integer 1 ≤ v < 2^53, piecewise linear between the knots. */
export function log2q(v: number): number {
  const e = highBit(v);
  const u = (e >= 16 ? Math.floor(v / 2 ** (e - 16)) : v * 2 ** (16 - e)) - 65536;
  const i = u >> 11;
  const g = LOG2_KNOTS[i] as number;
  const next = LOG2_KNOTS[i + 1] as number;
  return 32768 * e + g + (((next - g) * (u & 2047) + 1024) >> 11);
}

/** floor(sqrt(v)) for an integer 0 ≤ v < 2^53, exact. */
export function isqrt(v: number): number {
  let s = Math.floor(Math.sqrt(v));
  while (s * s > v) s--;
  while ((s + 1) * (s + 1) <= v) s++;
  return s;
}

/** floor(a / 2^15) + rounding, for |a| < 2^53: (a + 2^14) >> 15 with an arithmetic shift. */
function roundShift15(a: number): number {
  return Math.floor((a + 16384) / 32768);
}

/** Bit reversal of the `bits` low bits of i. */
function reverse(i: number, bits: number): number {
  let r = 0;
  for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
  return r;
}

/** F-76: the in-place radix-2 FFT with Q15 twiddles T (pairs c, s) rounded after each product. */
export function fftQ15(re: Float64Array, im: Float64Array, twiddles: ArrayLike<number>): void {
  const n = re.length;
  const bits = highBit(n);
  for (let i = 0; i < n; i++) {
    const j = reverse(i, bits);
    if (i < j) {
      [re[i], re[j]] = [re[j] as number, re[i] as number];
      [im[i], im[j]] = [im[j] as number, im[i] as number];
    }
  }
  for (let len = 2; len <= n; len *= 2) {
    const half = len / 2;
    for (let start = 0; start < n; start += len) {
      for (let j = 0; j < half; j++) {
        const c = twiddles[2 * j * (n / len)] as number;
        const s = twiddles[2 * j * (n / len) + 1] as number;
        const a = start + j;
        const b = a + half;
        const br = re[b] as number;
        const bi = im[b] as number;
        const tr = roundShift15(c * br - s * bi);
        const ti = roundShift15(c * bi + s * br);
        const ar = re[a] as number;
        const ai = im[a] as number;
        re[a] = ar + tr;
        im[a] = ai + ti;
        re[b] = ar - tr;
        im[b] = ai - ti;
      }
    }
  }
}

/** F-76: the block exponent k: the largest k ≤ 15 with max|p| · 2^k ≤ 2^30. */
export function blockExponent(p: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < p.length; i++) max = Math.max(max, Math.abs(p[i] as number));
  let k = 0;
  while (k < 15 && max * 2 ** (k + 1) <= 2 ** 30) k++;
  return k;
}

/** The writer's tables and geometry of one Spectrogram (F-76, F-77). */
export interface SpectrogramTables {
  readonly window: ArrayLike<number>;
  /** [n/2, 2] pairs (c, s). */
  readonly twiddles: ArrayLike<number>;
  /** [M, 2] pairs (start, count). */
  readonly melRanges: ArrayLike<number>;
  readonly melWeights: ArrayLike<number>;
  readonly frameStep: number;
}

/** Output value of F-76 for mel energy E of a frame with block exponent k, before act_min/act_max. */
export function logFeature(energy: number, k: number): number {
  if (energy === 0) return -Infinity;
  return Math.floor((log2q(energy) - 32768 * k - 24 * 32768 + 2048) / 4096);
}

/** F-76 over every frame: y [F, M] as numbers clamped to [lo, hi]. */
export function spectrogramInt(x: ArrayLike<number>, t: SpectrogramTables, lo: number, hi: number): number[] {
  const n = t.twiddles.length;
  const frameLength = t.window.length;
  const mels = t.melRanges.length / 2;
  const frames = 1 + Math.floor((x.length - frameLength) / t.frameStep);
  const out: number[] = [];
  const p = new Float64Array(frameLength);
  for (let f = 0; f < frames; f++) {
    for (let i = 0; i < frameLength; i++) p[i] = (x[f * t.frameStep + i] as number) * (t.window[i] as number);
    const k = blockExponent(p);
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    for (let i = 0; i < frameLength; i++) re[i] = roundShift15((p[i] as number) * 2 ** k);
    fftQ15(re, im, t.twiddles);
    let o = 0;
    for (let m = 0; m < mels; m++) {
      const start = t.melRanges[2 * m] as number;
      const count = t.melRanges[2 * m + 1] as number;
      let energy = 0;
      for (let j = 0; j < count; j++) {
        const q = start + j;
        const mag = isqrt((re[q] as number) ** 2 + (im[q] as number) ** 2);
        energy += mag * (t.melWeights[o + j] as number);
      }
      o += count;
      out.push(Math.min(Math.max(logFeature(energy, k), lo), hi));
    }
  }
  return out;
}
