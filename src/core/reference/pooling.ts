import { OPCODE } from '../blob/format.ts';
import { clamp } from '../quant/fixed-point.ts';
import type { Kernel, KernelArgs, Operands } from './kernel.ts';
import {
  axisAttributeProblem,
  axisShapeProblem,
  firstProblem,
  windowSpan,
  type WindowAxis,
} from './window.ts';

type Reduce = 'max' | 'average';

const FLAT: WindowAxis = { size: 1, window: 1, stride: 1, pad: 0, out: 1 };

/** MaxPooling1D is MaxPooling2D over a [1, L, C] image. */
function geometry(o: Operands, axes: 1 | 2): { rows: WindowAxis; cols: WindowAxis; channels: number } {
  const x = o.inputs[0]?.shape ?? [];
  const y = o.output.shape;
  const a = o.op.attr;
  if (axes === 1) {
    const cols = { size: x[0] ?? 0, window: a[0] ?? 0, stride: a[1] ?? 0, pad: a[2] ?? 0, out: y[0] ?? 0 };
    return { rows: FLAT, cols, channels: x[1] ?? 0 };
  }
  return {
    rows: { size: x[0] ?? 0, window: a[0] ?? 0, stride: a[2] ?? 0, pad: a[4] ?? 0, out: y[0] ?? 0 },
    cols: { size: x[1] ?? 0, window: a[1] ?? 0, stride: a[3] ?? 0, pad: a[5] ?? 0, out: y[1] ?? 0 },
    channels: x[2] ?? 0,
  };
}

/** F-58: the rounded mean of raw int8 values, half away from zero, as C's truncating division gives it. */
export function roundedMean(sum: number, count: number): number {
  const half = Math.trunc(count / 2);
  return Math.trunc(sum >= 0 ? (sum + half) / count : (sum - half) / count);
}

/** F-57, F-58: padding positions are skipped (F-46 guarantees each window has one). */
function pool(args: KernelArgs, axes: 1 | 2, reduce: Reduce): void {
  const [x] = args.inputs as [Int8Array];
  const { rows, cols, channels } = geometry(args.operands, axes);
  const { actMin, actMax } = args.operands.op;
  for (let oy = 0; oy < rows.out; oy++) {
    const ys = windowSpan(oy, rows);
    for (let ox = 0; ox < cols.out; ox++) {
      const xs = windowSpan(ox, cols);
      for (let c = 0; c < channels; c++) {
        let max = -128;
        let sum = 0;
        for (let iy = ys.from; iy < ys.to; iy++) {
          for (let ix = xs.from; ix < xs.to; ix++) {
            const v = x[(iy * cols.size + ix) * channels + c] as number;
            if (v > max) max = v;
            sum += v;
          }
        }
        const count = (ys.to - ys.from) * (xs.to - xs.from);
        const v = reduce === 'max' ? max : roundedMean(sum, count);
        args.output[(oy * cols.out + ox) * channels + c] = clamp(v, actMin, actMax);
      }
    }
  }
}

function poolKernel(opcode: number, name: string, axes: 1 | 2, reduce: Reduce): Kernel {
  return {
    opcode,
    name,
    inputs: { min: 1, max: 1 },
    inputRank: axes + 1,
    outputRank: axes + 1,
    constants: [],
    attributeBytes: axes === 2 ? 6 : 3,
    attributes(o) {
      const g = geometry(o, axes);
      return firstProblem(axisAttributeProblem('row', g.rows), axisAttributeProblem('column', g.cols));
    },
    shapes(o) {
      const g = geometry(o, axes);
      const channels = o.output.shape[axes];
      return firstProblem(
        channels === g.channels
          ? undefined
          : `output channels ${channels} differ from the input's ${g.channels}`,
        axisShapeProblem('rows', g.rows),
        axisShapeProblem('columns', g.cols),
      );
    },
    run: (args) => pool(args, axes, reduce),
  };
}

export const maxPooling2d = poolKernel(OPCODE.MaxPooling2D, 'MaxPooling2D', 2, 'max');
export const averagePooling2d = poolKernel(OPCODE.AveragePooling2D, 'AveragePooling2D', 2, 'average');
export const maxPooling1d = poolKernel(OPCODE.MaxPooling1D, 'MaxPooling1D', 1, 'max');
