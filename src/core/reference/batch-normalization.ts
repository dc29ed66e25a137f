import { OPCODE } from '../blob/format.ts';
import { channelRangeProblem, channelShapeProblem, outputOf, weightBiasRequant } from './channel-ops.ts';
import { last, outputLikeInput, type Kernel } from './kernel.ts';

/** F-64: a BatchNormalization that could not be folded: a per-channel affine map over the last axis. */
export const batchNormalization: Kernel = {
  opcode: OPCODE.BatchNormalization,
  name: 'BatchNormalization',
  inputs: { min: 1, max: 1 },
  constants: weightBiasRequant(1),
  attributeBytes: 0,
  shapes(o) {
    const channels = last(o.inputs[0]?.shape ?? []);
    return outputLikeInput(o) ?? channelShapeProblem(o, [channels], channels);
  },
  constantRange: (_o, values) => channelRangeProblem(values, 1),
  run(args) {
    const [x] = args.inputs as [Int8Array];
    const w = args.constants[0] as Int8Array;
    const b = args.constants[1] as Int32Array;
    const zx = args.operands.inputs[0]?.zeroPoint ?? 0;
    const channels = last(args.operands.output.shape);
    for (let i = 0; i < x.length; i++) {
      const c = i % channels;
      const acc = (b[c] as number) + ((x[i] as number) - zx) * (w[c] as number);
      args.output[i] = outputOf(args, acc, c);
    }
  },
};
