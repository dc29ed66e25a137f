/**
 * F-68: the integer gate functions of the GRU. Pre-activations are Q12 (real = p / 4096), gate values Q15
 * (real = g / 32768). Every step is an exact integer operation, so C computes the same values.
 */
export const PRE_ONE = 4096;
export const GATE_ONE = 32768;
/** Pre-activations are clamped to ±4096 (real), far past where every gate function saturates. */
export const PRE_LIMIT = 2 ** 24;

/** round(32768 · σ(k / 4)) for k = 0 … 32: the knots of the piecewise-linear sigmoid. */
export const SIGMOID_KNOTS: readonly number[] = Array.from({ length: 33 }, (_, k) =>
  Math.floor(GATE_ONE / (1 + Math.exp(-k / 4)) + 0.5),
);

/** Integer division rounding half away from zero (d > 0). */
function divRound(n: number, d: number): number {
  const q = Math.floor((Math.abs(n) + Math.floor(d / 2)) / d);
  return n < 0 ? -q : q;
}

/** σ(p/4096)·32768: linear between the knots 0.25 apart, symmetric about 0, flat past 8. */
export function sigmoidQ15(p: number): number {
  const a = Math.abs(p);
  let s: number;
  if (a >= 32 * 1024) s = SIGMOID_KNOTS[32] as number;
  else {
    const i = a >> 10;
    const lo = SIGMOID_KNOTS[i] as number;
    s = lo + ((((SIGMOID_KNOTS[i + 1] as number) - lo) * (a & 1023) + 512) >> 10);
  }
  return p < 0 ? GATE_ONE - s : s;
}

/** tfjs's hard sigmoid clip(0.2·x + 0.5, 0, 1), exactly: 0.2 · 32768 / 4096 = 8/5. */
export function hardSigmoidQ15(p: number): number {
  return Math.min(GATE_ONE, Math.max(0, GATE_ONE / 2 + divRound(8 * p, 5)));
}

/** tanh(x) = 2σ(2x) − 1. */
export function tanhQ15(p: number): number {
  return 2 * sigmoidQ15(2 * p) - GATE_ONE;
}

/** v / 2^e rounded half away from zero, for |v| < 2^52. */
export function roundShift(v: number, e: number): number {
  const half = 2 ** (e - 1);
  const q = Math.floor((Math.abs(v) + half) / 2 ** e);
  return v < 0 ? -q : q;
}
