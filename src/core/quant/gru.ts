import { PRE_ONE } from '../reference/gate-math.ts';
import { roundHalfAway } from './calibrate.ts';
import { INT32_MAX, quantizeMultiplier } from './fixed-point.ts';
import { channelLevels, type WeightPacking } from './packing.ts';

/** A GRU's float weights as tfjs holds them: kernel [I, 3U], recurrent kernel [U, 3U], bias [3U]. */
export interface GruWeights {
  readonly kernel: Float32Array;
  readonly recurrent: Float32Array;
  readonly bias: Float32Array;
  readonly units: number;
  readonly hardSigmoid: boolean;
  readonly returnSequences: boolean;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const hardSigmoid = (v: number) => Math.min(1, Math.max(0, 0.2 * v + 0.5));

/**
 * tfjs's GRU cell (resetAfter false, gates z, r, h side by side) over x [T, I], from a zero state or from
 * `state`, which then receives the last state.
 */
export function floatGru(x: Float32Array, g: GruWeights, state?: Float64Array): Float32Array {
  const { units: n, kernel, recurrent, bias } = g;
  const depth = kernel.length / (3 * n);
  const steps = x.length / depth;
  const gate = g.hardSigmoid ? hardSigmoid : sigmoid;
  const out = new Float32Array((g.returnSequences ? steps : 1) * n);
  let h = state ? state.slice() : new Float64Array(n);
  const dot = (t: number, col: number, from: Float64Array) => {
    let acc = bias[col] as number;
    for (let i = 0; i < depth; i++) acc += (x[t * depth + i] as number) * (kernel[i * 3 * n + col] as number);
    for (let j = 0; j < n; j++) acc += (from[j] as number) * (recurrent[j * 3 * n + col] as number);
    return acc;
  };
  for (let t = 0; t < steps; t++) {
    const resetH = h.map((v, j) => gate(dot(t, n + j, h)) * v);
    const next = h.map((v, j) => {
      const z = gate(dot(t, j, h));
      return z * v + (1 - z) * Math.tanh(dot(t, 2 * n + j, resetH));
    });
    h = next;
    out.set(h, g.returnSequences ? t * n : 0);
  }
  state?.set(h);
  return out;
}

/** The rows of a [rows, cols] matrix that tfjs stores transposed ([cols, rows]), as levels with row scales. */
function rowLevels(m: Float32Array, rows: number, packing: WeightPacking) {
  const cols = m.length / rows;
  const t = Float32Array.from(
    { length: m.length },
    (_, k) => m[(k % cols) * rows + Math.floor(k / cols)] as number,
  );
  return channelLevels(packing, t, rows, (k) => Math.floor(k / cols));
}

/**
 * F-74, F-75: W, U as rows of levels (int8, int4 or ternary) per gate unit; the bias at the input product's scale sx·sw; R [3U, 4] holds the
 * multipliers that bring both products to Q12 pre-activations (the state has scale 1/128).
 */
export function quantizeGru(g: GruWeights, sx: number, layer: string, packing: WeightPacking = 'int8') {
  const rows = 3 * g.units;
  const w = rowLevels(g.kernel, rows, packing);
  const u = rowLevels(g.recurrent, rows, packing);
  const depth = g.kernel.length / rows;
  const bound = INT32_MAX - 32640 * depth;
  const bias = Int32Array.from(g.bias, (v, k) =>
    Math.min(bound, Math.max(-bound, roundHalfAway(v / (sx * (w.scales[k] as number))))),
  );
  const requant = new Int32Array(4 * rows);
  for (let k = 0; k < rows; k++) {
    const a = quantizeMultiplier(sx * (w.scales[k] as number) * PRE_ONE, layer);
    const b = quantizeMultiplier(((u.scales[k] as number) / 128) * PRE_ONE, layer);
    requant.set([a.multiplier, a.shift, b.multiplier, b.shift], 4 * k);
  }
  return { weights: w.levels, recurrent: u.levels, bias, requant };
}
