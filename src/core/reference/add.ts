import { ElementType, MAX_INPUTS, OPCODE } from '../blob/format.ts';
import { clamp, INT32_MAX, INT32_MIN, mbqm, requantize } from '../quant/fixed-point.ts';
import { requantRangeProblem } from './channel-ops.ts';
import { fmt, sameShape, type Kernel } from './kernel.ts';

/** F-60: inputs are brought to a common scale with 20 bits of headroom, added, then requantized. */
export const ADD_LEFT_SHIFT = 20;

export const add: Kernel = {
  opcode: OPCODE.Add,
  name: 'Add',
  inputs: { min: 2, max: MAX_INPUTS },
  constants: [{ role: 'requant', types: [ElementType.INT32], rank: 2 }],
  attributeBytes: 0,
  shapes(o) {
    const bad = o.inputs.find((t) => !sameShape(t.shape, o.output.shape));
    if (bad) return `input ${fmt(bad.shape)} differs from the output ${fmt(o.output.shape)}`;
    const r = o.constants[0]?.shape ?? [];
    const rows = o.inputs.length + 1;
    return sameShape(r, [rows, 2]) ? undefined : `requantization ${fmt(r)} should be [${rows}, 2]`;
  },
  constantRange: (_o, [r]) => requantRangeProblem(r as Int32Array),
  run(args) {
    const r = args.constants[0] as Int32Array;
    const { op, output, inputs } = args.operands;
    const n = inputs.length;
    const scale = 2 ** ADD_LEFT_SHIFT;
    for (let i = 0; i < args.output.length; i++) {
      let sum = 0;
      inputs.forEach((t, j) => {
        const x = ((args.inputs[j] as Int8Array)[i] as number) - t.zeroPoint;
        sum += mbqm(x * scale, r[2 * j] as number, r[2 * j + 1] as number);
      });
      const saturated = clamp(sum, INT32_MIN, INT32_MAX);
      args.output[i] = requantize(
        saturated,
        r[2 * n] as number,
        r[2 * n + 1] as number,
        output.zeroPoint,
        op.actMin,
        op.actMax,
      );
    }
  },
};
