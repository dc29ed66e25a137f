import { ElementType, MAX_INPUTS, OPCODE } from '../blob/format.ts';
import { requantize } from '../quant/fixed-point.ts';
import { requantRangeProblem } from './channel-ops.ts';
import { fmt, sameShape, size, type Kernel } from './kernel.ts';

const without = (shape: readonly number[], axis: number) => shape.filter((_, i) => i !== axis);

/** F-61: inputs copied one after another along `axis`, each requantized to the output's scale. */
export const concatenate: Kernel = {
  opcode: OPCODE.Concatenate,
  name: 'Concatenate',
  inputs: { min: 2, max: MAX_INPUTS },
  constants: [{ role: 'requant', types: [ElementType.INT32], rank: 2 }],
  attributeBytes: 1,
  attributes(o) {
    const axis = o.op.attr[0] ?? 0;
    return axis < o.output.shape.length
      ? undefined
      : `axis ${axis} is not an axis of the output ${fmt(o.output.shape)}`;
  },
  shapes(o) {
    const axis = o.op.attr[0] ?? 0;
    const y = o.output.shape;
    const rest = without(y, axis);
    const bad = o.inputs.find((t) => t.shape.length !== y.length || !sameShape(without(t.shape, axis), rest));
    if (bad) return `input ${fmt(bad.shape)} differs from the output ${fmt(y)} outside axis ${axis}`;
    const total = o.inputs.reduce((sum, t) => sum + (t.shape[axis] ?? 0), 0);
    if (total !== y[axis])
      return `the inputs add up to ${total} along axis ${axis}, the output has ${y[axis]}`;
    const r = o.constants[0]?.shape ?? [];
    return sameShape(r, [o.inputs.length, 2])
      ? undefined
      : `requantization ${fmt(r)} should be [${o.inputs.length}, 2]`;
  },
  constantRange: (_o, [r]) => requantRangeProblem(r as Int32Array),
  run(args) {
    const { op, output: y, inputs } = args.operands;
    const axis = op.attr[0] ?? 0;
    const r = args.constants[0] as Int32Array;
    const inner = size({ shape: y.shape.slice(axis + 1) });
    const outer = size({ shape: y.shape.slice(0, axis) });
    const rowOut = (y.shape[axis] ?? 0) * inner;
    let at = 0;
    inputs.forEach((t, j) => {
      const x = args.inputs[j] as Int8Array;
      const row = (t.shape[axis] ?? 0) * inner;
      const [m, s] = [r[2 * j] as number, r[2 * j + 1] as number];
      for (let p = 0; p < outer; p++) {
        for (let i = 0; i < row; i++) {
          const v = (x[p * row + i] as number) - t.zeroPoint;
          args.output[p * rowOut + at + i] = requantize(v, m, s, y.zeroPoint, op.actMin, op.actMax);
        }
      }
      at += row;
    });
  },
};
