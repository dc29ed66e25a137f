import { GATE_ONE, PRE_ONE } from './gate-math.ts';

export interface GateError {
  /** Largest |integer − float|, in real units. */
  readonly max: number;
  readonly mean: number;
}

/**
 * An integer gate function (Q12 in, Q15 out) against its float counterpart, over every Q12 pre-activation
 * from −12 to 12: the range where the gates still change. Shared by the tests and `npm run bench`.
 */
export function gateError(q15: (p: number) => number, f: (x: number) => number): GateError {
  let max = 0;
  let sum = 0;
  let count = 0;
  for (let p = -12 * PRE_ONE; p <= 12 * PRE_ONE; p++) {
    const e = Math.abs(q15(p) / GATE_ONE - f(p / PRE_ONE));
    max = Math.max(max, e);
    sum += e;
    count++;
  }
  return { max, mean: sum / count };
}
