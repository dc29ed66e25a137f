import { ElementType, OPCODE } from '../blob/format.ts';
import { fmt, type Kernel } from './kernel.ts';

/** F-67: y[t][d] = clamp(E[id][d], act_min, act_max) with id = clamp(x[t] − zx, 0, V − 1). */
export const embedding: Kernel = {
  opcode: OPCODE.Embedding,
  name: 'Embedding',
  inputs: { min: 1, max: 1 },
  inputRank: 1,
  outputRank: 2,
  constants: [{ role: 'table', types: [ElementType.INT8], rank: 2 }],
  attributeBytes: 0,
  shapes(o) {
    const [x] = o.inputs;
    const [vocabulary = 0, dim = 0] = o.constants[0]?.shape ?? [];
    const [steps = 0, width = 0] = o.output.shape;
    if (!x || x.shape[0] !== steps || width !== dim) {
      return `input ${fmt(x?.shape ?? [])} and output ${fmt(o.output.shape)} do not match table [${vocabulary}, ${dim}]`;
    }
    return undefined;
  },
  run(args) {
    const [x] = args.inputs as [Int8Array];
    const table = args.constants[0] as Int8Array;
    const [vocabulary = 0, dim = 0] = args.operands.constants[0]?.shape ?? [];
    const zx = args.operands.inputs[0]?.zeroPoint ?? 0;
    const { actMin, actMax } = args.operands.op;
    x.forEach((q, t) => {
      const row = Math.min(Math.max(q - zx, 0), vocabulary - 1) * dim;
      for (let d = 0; d < dim; d++)
        args.output[t * dim + d] = Math.min(Math.max(table[row + d] as number, actMin), actMax);
    });
  },
};
