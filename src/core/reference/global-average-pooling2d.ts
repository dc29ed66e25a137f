import { OPCODE } from '../blob/format.ts';
import { clamp } from '../quant/fixed-point.ts';
import type { Kernel } from './kernel.ts';
import { roundedMean } from './pooling.ts';
import { firstProblem, reduceProblem } from './window.ts';

/** F-59: the rounded mean of each channel over all H·W positions; Y shares X's quantization. */
export const globalAveragePooling2d: Kernel = {
  opcode: OPCODE.GlobalAveragePooling2D,
  name: 'GlobalAveragePooling2D',
  inputs: { min: 1, max: 1 },
  inputRank: 3,
  outputRank: 1,
  constants: [],
  attributeBytes: 0,
  shapes(o) {
    const [h = 0, w = 0, c = 0] = o.inputs[0]?.shape ?? [];
    return firstProblem(
      o.output.shape[0] === c
        ? undefined
        : `output [${o.output.shape[0]}] should have the ${c} input channels`,
      reduceProblem(h * w),
    );
  },
  run(args) {
    const [x] = args.inputs as [Int8Array];
    const [h = 0, w = 0, channels = 0] = args.operands.inputs[0]?.shape ?? [];
    const { actMin, actMax } = args.operands.op;
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      for (let p = 0; p < h * w; p++) sum += x[p * channels + c] as number;
      args.output[c] = clamp(roundedMean(sum, h * w), actMin, actMax);
    }
  },
};
