import { OPCODE } from '../blob/format.ts';
import { channelRangeProblem, channelShapeProblem, outputOf, weightBiasRequant } from './channel-ops.ts';
import type { Kernel, KernelArgs, Operands } from './kernel.ts';
import {
  axisAttributeProblem,
  axisShapeProblem,
  firstProblem,
  reduceProblem,
  windowSpan,
  type WindowAxis,
} from './window.ts';

/** A convolution seen as 2D: Conv1D is a Conv2D over a [1, L, C] image with a [1, k] window. */
interface ConvGeometry {
  readonly rows: WindowAxis;
  readonly cols: WindowAxis;
  readonly inChannels: number;
  readonly filters: number;
}

const FLAT: WindowAxis = { size: 1, window: 1, stride: 1, pad: 0, out: 1 };

function geometry(o: Operands, axes: 1 | 2): ConvGeometry {
  const x = o.inputs[0]?.shape ?? [];
  const y = o.output.shape;
  const w = o.constants[0]?.shape ?? [];
  const a = o.op.attr;
  if (axes === 1) {
    const cols = { size: x[0] ?? 0, window: w[1] ?? 0, stride: a[0] ?? 0, pad: a[1] ?? 0, out: y[0] ?? 0 };
    return { rows: FLAT, cols, inChannels: x[1] ?? 0, filters: w[0] ?? 0 };
  }
  const rows = { size: x[0] ?? 0, window: w[1] ?? 0, stride: a[0] ?? 0, pad: a[2] ?? 0, out: y[0] ?? 0 };
  const cols = { size: x[1] ?? 0, window: w[2] ?? 0, stride: a[1] ?? 0, pad: a[3] ?? 0, out: y[1] ?? 0 };
  return { rows, cols, inChannels: x[2] ?? 0, filters: w[0] ?? 0 };
}

/** F-54: every output value is a dot product over the in-bounds window and all input channels. */
function convolve(args: KernelArgs, g: ConvGeometry): void {
  const [x] = args.inputs as [Int8Array];
  const w = args.constants[0] as Int8Array;
  const b = args.constants[1] as Int32Array;
  const zx = args.operands.inputs[0]?.zeroPoint ?? 0;
  const { rows, cols, inChannels: C, filters: F } = g;
  const filterSize = rows.window * cols.window * C;
  for (let oy = 0; oy < rows.out; oy++) {
    const ys = windowSpan(oy, rows);
    for (let ox = 0; ox < cols.out; ox++) {
      const xs = windowSpan(ox, cols);
      for (let f = 0; f < F; f++) {
        let acc = b[f] as number;
        for (let iy = ys.from, ky = ys.k0; iy < ys.to; iy++, ky++) {
          for (let ix = xs.from, kx = xs.k0; ix < xs.to; ix++, kx++) {
            const xAt = (iy * cols.size + ix) * C;
            const wAt = f * filterSize + (ky * cols.window + kx) * C;
            for (let c = 0; c < C; c++) acc += ((x[xAt + c] as number) - zx) * (w[wAt + c] as number);
          }
        }
        args.output[(oy * cols.out + ox) * F + f] = outputOf(args, acc, f);
      }
    }
  }
}

function convKernel(axes: 1 | 2): Kernel {
  return {
    opcode: axes === 2 ? OPCODE.Conv2D : OPCODE.Conv1D,
    name: axes === 2 ? 'Conv2D' : 'Conv1D',
    inputs: { min: 1, max: 1 },
    inputRank: axes + 1,
    outputRank: axes + 1,
    constants: weightBiasRequant(axes + 2),
    attributeBytes: axes === 2 ? 4 : 2,
    attributes(o) {
      const g = geometry(o, axes);
      return firstProblem(axisAttributeProblem('row', g.rows), axisAttributeProblem('column', g.cols));
    },
    shapes(o) {
      const g = geometry(o, axes);
      const y = o.output.shape;
      const weights =
        axes === 2
          ? [g.filters, g.rows.window, g.cols.window, g.inChannels]
          : [g.filters, g.cols.window, g.inChannels];
      return firstProblem(
        y[axes] === g.filters ? undefined : `output channels ${y[axes]} differ from the ${g.filters} filters`,
        axisShapeProblem('rows', g.rows),
        axisShapeProblem('columns', g.cols),
        reduceProblem(g.rows.window * g.cols.window * g.inChannels),
        channelShapeProblem(o, weights, g.filters),
      );
    },
    constantRange(o, values) {
      const g = geometry(o, axes);
      return channelRangeProblem(values, g.rows.window * g.cols.window * g.inChannels);
    },
    run: (args) => convolve(args, geometry(args.operands, axes)),
  };
}

export const conv2d = convKernel(2);
/** F-56 */
export const conv1d = convKernel(1);
