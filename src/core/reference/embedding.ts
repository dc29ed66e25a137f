import { ElementType, OPCODE } from '../blob/format.ts';
import { requantize } from '../quant/fixed-point.ts';
import { requantRangeProblem, WEIGHT_TYPES } from './channel-ops.ts';
import { fmt, sameShape, type Kernel } from './kernel.ts';

/** attr[0] of an Embedding whose table holds levels with a scale per column and R follows (F-67). */
export const EMBEDDING_SCALED = 1;

/**
 * F-67: id = clamp(x[t] − zx, 0, V − 1); y[t][d] = clamp(E[id][d], act_min, act_max), or with per-column
 * scales (attr[0] = 1) clamp(zy + MBQM(E[id][d], R[d]), act_min, act_max), E read as its packing stores it.
 */
export const embedding: Kernel = {
  opcode: OPCODE.Embedding,
  name: 'Embedding',
  inputs: { min: 1, max: 1 },
  inputRank: 1,
  outputRank: 2,
  constants: [
    { role: 'table', types: WEIGHT_TYPES, rank: 2 },
    { role: 'requant', types: [ElementType.INT32], rank: 2 },
  ],
  constantCount: (op) => (op.attr[0] === EMBEDDING_SCALED ? 2 : 1),
  attributeBytes: 1,
  attributes(o) {
    const scaled = o.op.attr[0] ?? 0;
    if (scaled > EMBEDDING_SCALED) return `attr[0] is ${scaled}, not 0 or 1`;
    const table = o.constants[0]?.type;
    if (!scaled && table !== ElementType.INT8)
      return 'an int4 or ternary table needs its scales (attr[0] = 1)';
    return undefined;
  },
  shapes(o) {
    const [x] = o.inputs;
    const [vocabulary = 0, dim = 0] = o.constants[0]?.shape ?? [];
    const [steps = 0, width = 0] = o.output.shape;
    if (!x || x.shape[0] !== steps || width !== dim) {
      return `input ${fmt(x?.shape ?? [])} and output ${fmt(o.output.shape)} do not match table [${vocabulary}, ${dim}]`;
    }
    const r = o.constants[1];
    if (r && !sameShape(r.shape, [dim, 2])) return `requantization ${fmt(r.shape)} should be [${dim}, 2]`;
    return undefined;
  },
  constantRange: (_o, values) => (values[1] ? requantRangeProblem(values[1]) : undefined),
  run(args) {
    const [x] = args.inputs as [Int8Array];
    const table = args.constants[0] as Int8Array;
    const r = args.constants[1] as Int32Array | undefined;
    const [vocabulary = 0, dim = 0] = args.operands.constants[0]?.shape ?? [];
    const zx = args.operands.inputs[0]?.zeroPoint ?? 0;
    const zy = args.operands.output.zeroPoint;
    const { actMin, actMax } = args.operands.op;
    x.forEach((q, t) => {
      const row = Math.min(Math.max(q - zx, 0), vocabulary - 1) * dim;
      for (let d = 0; d < dim; d++) {
        const e = table[row + d] as number;
        args.output[t * dim + d] = r
          ? requantize(e, r[2 * d] as number, r[2 * d + 1] as number, zy, actMin, actMax)
          : Math.min(Math.max(e, actMin), actMax);
      }
    });
  },
};
