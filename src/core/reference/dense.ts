import { OPCODE } from '../blob/format.ts';
import { channelRangeProblem, channelShapeProblem, outputOf, weightBiasRequant } from './channel-ops.ts';
import { fmt, last, size, type Kernel } from './kernel.ts';
import { reduceProblem } from './window.ts';

/** F-53: y[r][u] = requantize(B[u] + Σ_i (x[r][i] − zx)·W[u][i]) over the last axis. */
export const dense: Kernel = {
  opcode: OPCODE.Dense,
  name: 'Dense',
  inputs: { min: 1, max: 1 },
  constants: weightBiasRequant(2),
  attributeBytes: 0,
  shapes(o) {
    const [x] = o.inputs;
    const [units = 0, depth = 0] = o.constants[0]?.shape ?? [];
    if (!x || last(x.shape) !== depth || last(o.output.shape) !== units) {
      return `input ${fmt(x?.shape ?? [])} and output ${fmt(o.output.shape)} do not match weights [${units}, ${depth}]`;
    }
    if (size(x) / depth !== size(o.output) / units) return 'input and output have different numbers of rows';
    return reduceProblem(depth) ?? channelShapeProblem(o, [units, depth], units);
  },
  constantRange: (o, values) => channelRangeProblem(values, o.constants[0]?.shape[1] ?? 0),
  run(args) {
    const [x] = args.inputs as [Int8Array];
    const w = args.constants[0] as Int8Array;
    const b = args.constants[1] as Int32Array;
    const [units = 0, depth = 0] = args.operands.constants[0]?.shape ?? [];
    const zx = args.operands.inputs[0]?.zeroPoint ?? 0;
    const rows = x.length / depth;
    for (let r = 0; r < rows; r++) {
      for (let u = 0; u < units; u++) {
        let acc = b[u] as number;
        for (let i = 0; i < depth; i++)
          acc += ((x[r * depth + i] as number) - zx) * (w[u * depth + i] as number);
        args.output[r * units + u] = outputOf(args, acc, u);
      }
    }
  },
};
