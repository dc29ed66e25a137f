import { OPCODE } from '../blob/format.ts';
import { channelRangeProblem, channelShapeProblem, outputOf, weightBiasRequant } from './channel-ops.ts';
import type { Kernel, Operands } from './kernel.ts';
import {
  axisAttributeProblem,
  axisShapeProblem,
  firstProblem,
  reduceProblem,
  windowSpan,
  type WindowAxis,
} from './window.ts';

function geometry(o: Operands): { rows: WindowAxis; cols: WindowAxis; channels: number; multiplier: number } {
  const x = o.inputs[0]?.shape ?? [];
  const y = o.output.shape;
  const w = o.constants[0]?.shape ?? [];
  const a = o.op.attr;
  return {
    rows: { size: x[0] ?? 0, window: w[0] ?? 0, stride: a[0] ?? 0, pad: a[2] ?? 0, out: y[0] ?? 0 },
    cols: { size: x[1] ?? 0, window: w[1] ?? 0, stride: a[1] ?? 0, pad: a[3] ?? 0, out: y[1] ?? 0 },
    channels: x[2] ?? 0,
    multiplier: a[4] ?? 0,
  };
}

/** F-55: output channel o = c·M + m filters input channel c alone. */
export const depthwiseConv2d: Kernel = {
  opcode: OPCODE.DepthwiseConv2D,
  name: 'DepthwiseConv2D',
  inputs: { min: 1, max: 1 },
  inputRank: 3,
  outputRank: 3,
  constants: weightBiasRequant(3),
  attributeBytes: 5,
  attributes(o) {
    const g = geometry(o);
    return firstProblem(
      axisAttributeProblem('row', g.rows),
      axisAttributeProblem('column', g.cols),
      g.multiplier < 1 ? 'depth multiplier is 0' : undefined,
    );
  },
  shapes(o) {
    const g = geometry(o);
    const out = g.channels * g.multiplier;
    return firstProblem(
      o.output.shape[2] === out
        ? undefined
        : `output channels ${o.output.shape[2]} are not ${g.channels}·${g.multiplier}`,
      axisShapeProblem('rows', g.rows),
      axisShapeProblem('columns', g.cols),
      reduceProblem(g.rows.window * g.cols.window),
      channelShapeProblem(o, [g.rows.window, g.cols.window, out], out),
    );
  },
  constantRange(o, values) {
    const g = geometry(o);
    return channelRangeProblem(values, g.rows.window * g.cols.window);
  },
  run(args) {
    const [x] = args.inputs as [Int8Array];
    const w = args.constants[0] as Int8Array;
    const b = args.constants[1] as Int32Array;
    const zx = args.operands.inputs[0]?.zeroPoint ?? 0;
    const { rows, cols, channels, multiplier } = geometry(args.operands);
    const outChannels = channels * multiplier;
    for (let oy = 0; oy < rows.out; oy++) {
      const ys = windowSpan(oy, rows);
      for (let ox = 0; ox < cols.out; ox++) {
        const xs = windowSpan(ox, cols);
        for (let o = 0; o < outChannels; o++) {
          const c = Math.floor(o / multiplier);
          let acc = b[o] as number;
          for (let iy = ys.from, ky = ys.k0; iy < ys.to; iy++, ky++) {
            for (let ix = xs.from, kx = xs.k0; ix < xs.to; ix++, kx++) {
              const xv = (x[(iy * cols.size + ix) * channels + c] as number) - zx;
              acc += xv * (w[(ky * cols.window + kx) * outChannels + o] as number);
            }
          }
          args.output[(oy * cols.out + ox) * outChannels + o] = outputOf(args, acc, o);
        }
      }
    }
  },
};
