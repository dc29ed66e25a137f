/**
 * The GRU's integer gate functions (F-68) against float, for `npm run bench`: largest and mean error, also in
 * int8 output steps (the state has scale 1/128, F-74).
 */
import { gateError, type GateError } from '../src/core/reference/gate-error.ts';
import { hardSigmoidQ15, sigmoidQ15, tanhQ15 } from '../src/core/reference/gate-math.ts';

const GATES: readonly [string, (p: number) => number, (x: number) => number][] = [
  ['sigmoid', sigmoidQ15, (x) => 1 / (1 + Math.exp(-x))],
  ['tanh', tanhQ15, Math.tanh],
  ['hard sigmoid', hardSigmoidQ15, (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5))],
];

const row = (name: string, e: GateError) =>
  `${name.padEnd(14)} max ${e.max.toExponential(2)} (${(e.max * 128).toFixed(3)} int8 steps)  mean ${e.mean.toExponential(2)}`;

export function formatGateBench(): string {
  return GATES.map(([name, q15, f]) => row(name, gateError(q15, f))).join('\n');
}
