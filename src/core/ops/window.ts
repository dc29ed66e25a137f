import { MinnowError } from '../errors.ts';
import { formatShape, type Shape } from '../model/types.ts';
import type { LayerRef } from './types.ts';

export type Padding = 'valid' | 'same';

/** A window size or stride given as one number or one per spatial axis, as tfjs accepts. */
export function perAxis(value: number | readonly number[], axes: number): number[] {
  if (typeof value === 'number') return Array.from({ length: axes }, () => value);
  return [...value];
}

/** Output length of a sliding window along one axis (tfjs convOutputLength, dilation 1). */
export function windowOutput(size: number, window: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/** Spatial output dims for a window op over the leading `axes` dims of `input`, with coded errors. */
export function windowDims(
  layer: LayerRef,
  input: Shape,
  window: readonly number[],
  strides: readonly number[],
  padding: Padding,
): number[] {
  const axes = window.length;
  if (input.length !== axes + 1) {
    const want = axes === 2 ? '[height, width, channels]' : '[steps, channels]';
    throw new MinnowError('SHAPE_MISMATCH', {
      layer: layer.id,
      type: layer.type,
      shape: formatShape(input),
      detail: `it needs a rank-${axes + 1} input ${want}.`,
      fix: axes === 2 ? 'Add a Reshape to [h, w, c] before it.' : 'Add a Reshape to [steps, channels] before it.',
    });
  }
  return window.map((w, i) => {
    const size = input[i] ?? 0;
    const stride = strides[i] ?? 1;
    if (padding === 'valid' && w > size) {
      throw new MinnowError('KERNEL_TOO_LARGE', {
        layer: layer.id,
        type: layer.type,
        kernel: window.join('x'),
        size: formatShape(input.slice(0, axes)),
      });
    }
    return windowOutput(size, w, stride, padding);
  });
}
