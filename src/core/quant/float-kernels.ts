/**
 * Float versions of the kernels, used only to calibrate activation ranges (the device never sees floats).
 * They loop like the integer kernels of src/core/reference so both agree on geometry.
 */
import { windowSpan, type WindowAxis } from '../reference/window.ts';
import type { ChannelParams } from './float-weights.ts';
import { maxOf } from '../arrays.ts';

export interface ChannelGeometry {
  readonly rows: WindowAxis;
  readonly cols: WindowAxis;
  readonly inChannels: number;
  /** Depthwise: each output channel o reads input channel floor(o / multiplier) alone. */
  readonly depthMultiplier?: number;
}

/** Dense, Conv1D/2D, DepthwiseConv2D and BatchNormalization as one windowed dot product. */
export function floatChannelOp(x: Float32Array, p: ChannelParams, g: ChannelGeometry): Float32Array {
  const { rows, cols, inChannels: C } = g;
  const F = p.channels;
  const out = new Float32Array(rows.out * cols.out * F);
  const filterSize = rows.window * cols.window * C;
  for (let oy = 0; oy < rows.out; oy++) {
    const ys = windowSpan(oy, rows);
    for (let ox = 0; ox < cols.out; ox++) {
      const xs = windowSpan(ox, cols);
      for (let f = 0; f < F; f++) {
        let acc = p.bias[f] as number;
        for (let iy = ys.from, ky = ys.k0; iy < ys.to; iy++, ky++) {
          for (let ix = xs.from, kx = xs.k0; ix < xs.to; ix++, kx++) {
            const xAt = (iy * cols.size + ix) * C;
            const k = ky * cols.window + kx;
            if (g.depthMultiplier) {
              acc +=
                (x[xAt + Math.floor(f / g.depthMultiplier)] as number) * (p.weights[k * F + f] as number);
            } else {
              for (let c = 0; c < C; c++)
                acc += (x[xAt + c] as number) * (p.weights[f * filterSize + k * C + c] as number);
            }
          }
        }
        out[(oy * cols.out + ox) * F + f] = acc;
      }
    }
  }
  return out;
}

export function floatPool(
  x: Float32Array,
  rows: WindowAxis,
  cols: WindowAxis,
  channels: number,
  max: boolean,
): Float32Array {
  const out = new Float32Array(rows.out * cols.out * channels);
  for (let oy = 0; oy < rows.out; oy++) {
    const ys = windowSpan(oy, rows);
    for (let ox = 0; ox < cols.out; ox++) {
      const xs = windowSpan(ox, cols);
      for (let c = 0; c < channels; c++) {
        let best = -Infinity;
        let sum = 0;
        for (let iy = ys.from; iy < ys.to; iy++) {
          for (let ix = xs.from; ix < xs.to; ix++) {
            const v = x[(iy * cols.size + ix) * channels + c] as number;
            best = Math.max(best, v);
            sum += v;
          }
        }
        out[(oy * cols.out + ox) * channels + c] = max ? best : sum / ((ys.to - ys.from) * (xs.to - xs.from));
      }
    }
  }
  return out;
}

export function floatSoftmax(x: Float32Array, n: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let row = 0; row < x.length; row += n) {
    const slice = x.subarray(row, row + n);
    const max = maxOf(slice);
    const e = slice.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, b) => a + b, 0);
    e.forEach((v, j) => (out[row + j] = v / sum));
  }
  return out;
}

/** Joins `inputs` along an axis: each is [outer, rowLength_j] with `outer` rows. */
export function floatConcat(
  inputs: readonly Float32Array[],
  rowLengths: readonly number[],
  outer: number,
): Float32Array {
  const total = rowLengths.reduce((a, b) => a + b, 0);
  const out = new Float32Array(outer * total);
  let at = 0;
  inputs.forEach((x, j) => {
    const row = rowLengths[j] as number;
    for (let p = 0; p < outer; p++) out.set(x.subarray(p * row, (p + 1) * row), p * total + at);
    at += row;
  });
  return out;
}

export const FLOAT_FUNCS: Readonly<Record<string, (v: number) => number>> = {
  relu: (v) => Math.max(v, 0),
  relu6: (v) => Math.min(Math.max(v, 0), 6),
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
  tanh: Math.tanh,
};
