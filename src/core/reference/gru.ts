import { ElementType, OPCODE } from '../blob/format.ts';
import { clamp, mbqm } from '../quant/fixed-point.ts';
import { biasRangeProblem, requantRangeProblem, WEIGHT_TYPES } from './channel-ops.ts';
import { GATE_ONE, hardSigmoidQ15, PRE_LIMIT, roundShift, sigmoidQ15, tanhQ15 } from './gate-math.ts';
import { fmt, fullClamp, sameShape, type Kernel, type KernelArgs } from './kernel.ts';
import { reduceProblem } from './window.ts';

const I8 = (v: number) => clamp(v, -128, 127);

/** F-69: attr[0] bit 0 keeps the state from the previous run; attr[1] 1 picks the hard sigmoid gate. */
export const GRU_KEEP_STATE = 1;

function gru(args: KernelArgs): void {
  const [x, state] = args.inputs as [Int8Array, Int8Array];
  const [w, u, b, r] = args.constants as [Int8Array, Int8Array, Int32Array, Int32Array];
  const { operands } = args;
  const [steps = 0, depth = 0] = operands.inputs[0]?.shape ?? [];
  const units = operands.inputs[1]?.shape[1] ?? 0;
  const zx = operands.inputs[0]?.zeroPoint ?? 0;
  const gate = operands.op.attr[1] === 1 ? hardSigmoidQ15 : sigmoidQ15;
  const everyStep = operands.output.shape.length === 2;
  const h = state.subarray(0, units);
  const resetH = state.subarray(units, 2 * units);
  if (!((operands.op.attr[0] ?? 0) & GRU_KEEP_STATE)) h.fill(0);
  // Q12 pre-activation of gate row g: the input part and the recurrent part (over `from`), each rescaled.
  const pre = (t: number, g: number, from: Int8Array) => {
    let accX = b[g] as number;
    for (let i = 0; i < depth; i++)
      accX += ((x[t * depth + i] as number) - zx) * (w[g * depth + i] as number);
    let accH = 0;
    for (let j = 0; j < units; j++) accH += (from[j] as number) * (u[g * units + j] as number);
    const sum = mbqm(accX, r[4 * g] as number, r[4 * g + 1] as number);
    return clamp(sum + mbqm(accH, r[4 * g + 2] as number, r[4 * g + 3] as number), -PRE_LIMIT, PRE_LIMIT);
  };
  for (let t = 0; t < steps; t++) {
    for (let j = 0; j < units; j++)
      resetH[j] = I8(roundShift(gate(pre(t, units + j, h)) * (h[j] as number), 15));
    const y = args.output.subarray(everyStep ? t * units : 0, (everyStep ? t + 1 : 1) * units);
    for (let j = 0; j < units; j++) {
      const z = gate(pre(t, j, h));
      const candidate = tanhQ15(pre(t, 2 * units + j, resetH));
      y[j] = I8(roundShift(z * (h[j] as number) * 256 + (GATE_ONE - z) * candidate, 23));
    }
    h.set(y);
  }
}

/** F-69 GRU (tfjs, reset before the recurrent product): X [T, I], state H [2, U]; Y [T, U] or [U]. */
export const gruKernel: Kernel = {
  opcode: OPCODE.GRU,
  name: 'GRU',
  inputs: { min: 2, max: 2 },
  inputRank: 2,
  constants: [
    { role: 'input weights', types: WEIGHT_TYPES, rank: 2 },
    { role: 'recurrent weights', types: WEIGHT_TYPES, rank: 2 },
    { role: 'bias', types: [ElementType.INT32], rank: 1 },
    { role: 'requant', types: [ElementType.INT32], rank: 2 },
  ],
  attributeBytes: 2,
  attributes(o) {
    if ((o.op.attr[0] ?? 0) > 1 || (o.op.attr[1] ?? 0) > 1) return 'keep-state and gate flags are 0 or 1';
    return fullClamp(o);
  },
  shapes(o) {
    const [x, s] = o.inputs;
    const [steps = 0, depth = 0] = x?.shape ?? [];
    const units = s?.shape[1] ?? 0;
    const want = o.output.shape.length === 2 ? [steps, units] : [units];
    if (!s || s.shape[0] !== 2) return `state ${fmt(s?.shape ?? [])} should be [2, units]`;
    if (!sameShape(o.output.shape, want)) return `output ${fmt(o.output.shape)} should be ${fmt(want)}`;
    const expected = [[3 * units, depth], [3 * units, units], [3 * units], [3 * units, 4]];
    const bad = o.constants.findIndex((c, k) => !sameShape(c.shape, expected[k] as number[]));
    if (bad >= 0)
      return `constant ${bad} ${fmt(o.constants[bad]?.shape ?? [])} should be ${fmt(expected[bad] ?? [])}`;
    return reduceProblem(depth) ?? reduceProblem(units);
  },
  constantRange: (o, values) =>
    requantRangeProblem(values[3] as Int32Array) ??
    biasRangeProblem(values[2] as Int32Array, o.inputs[0]?.shape[1] ?? 0),
  run: gru,
};
