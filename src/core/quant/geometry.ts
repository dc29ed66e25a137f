import type { Shape } from '../model/types.ts';
import type { ExecStep } from '../plan/types.ts';
import type { WindowAxis } from '../reference/window.ts';
import { unsupported } from './unsupported.ts';

/** A window op seen as 2D (F-54, F-57): 1D ops get a flat row axis, as the kernels see them. */
export interface Windows {
  readonly rows: WindowAxis;
  readonly cols: WindowAxis;
  readonly channels: number;
}

export const FLAT_AXIS: WindowAxis = { size: 1, window: 1, stride: 1, pad: 0, out: 1 };

/** An axis of `positions` independent positions (Dense rows, BatchNormalization positions). */
export function pointwise(positions: number): WindowAxis {
  return { size: positions, window: 1, stride: 1, pad: 0, out: positions };
}

/** tfjs padding (F-46): "same" pads floor(total / 2) before and the rest after. */
function axis(size: number, window: number, stride: number, same: boolean, out: number): WindowAxis {
  const pad = same ? Math.floor(Math.max((out - 1) * stride + window - size, 0) / 2) : 0;
  return { size, window, stride, pad, out };
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? (value as number[]) : [];
}

/** The spatial axes of a Conv/DepthwiseConv/Pooling step from its layer's parameters. */
export function windowsOf(step: ExecStep, input: Shape, output: Shape): Windows {
  const p = step.layer.params;
  const size = numbers(p.kernelSize ?? p.poolSize);
  const strides = numbers(p.strides);
  const same = p.padding === 'same';
  const spatial = size.length;
  const axes = size.map((k, i) => axis(input[i] ?? 0, k, strides[i] ?? 1, same, output[i] ?? 0));
  const [first = FLAT_AXIS, second = FLAT_AXIS] = axes;
  return spatial === 1
    ? { rows: FLAT_AXIS, cols: first, channels: input[1] ?? 0 }
    : { rows: first, cols: second, channels: input[2] ?? 0 };
}

/** Attribute bytes must fit a u8 (FORMAT §5). */
export function byteAttr(step: ExecStep, what: string, value: number): number {
  if (value > 255) {
    throw unsupported(
      step,
      `its ${what} of ${value} does not fit the blob's one-byte attribute`,
      `Use a ${what} of 255 or less.`,
    );
  }
  return value;
}
