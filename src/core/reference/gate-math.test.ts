import { describe, expect, it } from 'vitest';
import { gateError } from './gate-error.ts';
import { GATE_ONE, hardSigmoidQ15, roundShift, sigmoidQ15, SIGMOID_KNOTS, tanhQ15 } from './gate-math.ts';

const maxError = (q15: (p: number) => number, f: (x: number) => number) => gateError(q15, f).max;

describe('F-68 integer gate functions against float', () => {
  it('the sigmoid knots are round(32768·σ(k/4)) (σ(0) = 1/2 exactly)', () => {
    expect(SIGMOID_KNOTS[0]).toBe(16384);
    expect(SIGMOID_KNOTS[4]).toBe(Math.round(32768 / (1 + Math.exp(-1))));
  });

  it('sigmoid stays within 8e-4 of 1/(1 + e^−x)', () => {
    const error = maxError(sigmoidQ15, (x) => 1 / (1 + Math.exp(-x)));
    expect(error).toBeLessThan(8e-4);
  });

  it('tanh stays within 1.6e-3 of Math.tanh (a fifth of an int8 step of 1/128)', () => {
    expect(maxError(tanhQ15, Math.tanh)).toBeLessThan(1.6e-3);
  });

  it("hard sigmoid equals tfjs's clip(0.2x + 0.5, 0, 1) within the Q15 rounding", () => {
    const error = maxError(hardSigmoidQ15, (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)));
    expect(error).toBeLessThanOrEqual(0.5 / GATE_ONE + 1e-12);
  });

  it('gates are monotonic and symmetric: σ(−p) = 1 − σ(p)', () => {
    for (let p = -40000; p < 40000; p += 7) {
      expect(sigmoidQ15(p + 7)).toBeGreaterThanOrEqual(sigmoidQ15(p));
      expect(sigmoidQ15(-p)).toBe(GATE_ONE - sigmoidQ15(p));
    }
  });

  it('roundShift rounds half away from zero', () => {
    expect([roundShift(3, 1), roundShift(-3, 1), roundShift(5, 2), roundShift(-6, 2)]).toEqual([
      2, -2, 1, -2,
    ]);
  });
});
