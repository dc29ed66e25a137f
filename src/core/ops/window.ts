import { MinnowError } from '../errors.ts';
import { formatShape, type Shape } from '../model/types.ts';
import { requireRank } from './layer-errors.ts';
import type { LayerRef } from './types.ts';

export type Padding = 'valid' | 'same';

/** A window over the leading spatial axes of a channels-last input: one size and stride per axis. */
export interface Window {
  readonly size: readonly number[];
  readonly strides: readonly number[];
  readonly padding: Padding;
}

/** A window size or stride given as one number or one per spatial axis, as tfjs accepts. */
export function perAxis(value: number | readonly number[], axes: number): number[] {
  if (typeof value === 'number') return Array.from({ length: axes }, () => value);
  return [...value];
}

/** Output length of a sliding window along one axis (tfjs convOutputLength, dilation 1). */
export function windowOutput(size: number, window: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/**
 * Slides a window over `input` ([...spatial, channels]), the one rule shared by convolutions and pooling.
 * Returns the output's spatial dims and the input channel count, or throws a coded error.
 */
export function slide(layer: LayerRef, input: Shape, window: Window): { dims: number[]; channels: number } {
  const axes = window.size.length;
  const want = axes === 2 ? '[height, width, channels]' : '[steps, channels]';
  const fix = `Add a Reshape to ${want} before it.`;
  requireRank(layer, input, axes + 1, want, fix);
  const dims = window.size.map((w, i) => {
    const size = input[i] ?? 0;
    if (window.padding === 'valid' && w > size) {
      throw new MinnowError('KERNEL_TOO_LARGE', {
        layer: layer.id,
        type: layer.type,
        kernel: window.size.join('x'),
        size: formatShape(input.slice(0, axes)),
      });
    }
    return windowOutput(size, w, window.strides[i] ?? 1, window.padding);
  });
  return { dims, channels: input[axes] ?? 0 };
}
