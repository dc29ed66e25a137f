import { shapeSize } from '../model/types.ts';
import { windowOutput, type Padding } from '../ops/window.ts';
import { CHANNELS, type SpecBuilder, type Tensor } from './spec-builder.ts';

/** Window layers on [height, width, channels] images and [steps, channels] sequences; each may decline. */

export const dims = (t: Tensor): number[] => t.shape.slice(0, -1);
export const channels = (t: Tensor): number => t.shape[t.shape.length - 1] ?? 1;
export const isImage = (t: Tensor): boolean => t.shape.length === 3;

export interface Window {
  readonly size: number;
  readonly stride: number;
  readonly padding: Padding;
}

export function drawWindow(b: SpecBuilder, t: Tensor, sizes: readonly number[], strided: boolean): Window {
  const smallest = Math.min(...dims(t));
  const valid = sizes.filter((k) => k <= smallest);
  const padding = b.random.chance(0.6) || valid.length === 0 ? 'same' : 'valid';
  const size = b.random.pick(padding === 'valid' ? valid : sizes);
  return { size, stride: strided && smallest >= 4 && b.random.chance(0.3) ? 2 : 1, padding };
}

export const SAME: Window = { size: 1, stride: 1, padding: 'same' };

function outDims(t: Tensor, w: Window): number[] {
  return dims(t).map((d) => windowOutput(d, w.size, w.stride, w.padding));
}

function windowParams(w: Window, key: 'kernelSize' | 'poolSize') {
  return { [key]: w.size, strides: w.stride, padding: w.padding };
}

/** Conv2D or Conv1D; `filters` fixed when the output must have a given channel count. */
export function conv(
  b: SpecBuilder,
  t: Tensor,
  activation: string,
  w: Window,
  filters?: number,
): Tensor | undefined {
  const out = outDims(t, w);
  const macsPerFilter = shapeSize(out) * w.size ** dims(t).length * channels(t);
  const count = filters ?? b.fit(CHANNELS, macsPerFilter);
  if (count === undefined || count * macsPerFilter > b.maxLayerMacs) return undefined;
  const type = isImage(t) ? 'Conv2D' : 'Conv1D';
  return b.layer(type, t, [...out, count], { filters: count, ...windowParams(w, 'kernelSize'), activation });
}

export function depthwise(
  b: SpecBuilder,
  t: Tensor,
  activation: string,
  w: Window,
  multiplier = 1,
): Tensor | undefined {
  const out = outDims(t, w);
  const c = channels(t) * multiplier;
  if (!isImage(t) || shapeSize(out) * c * w.size * w.size > b.maxLayerMacs) return undefined;
  const params = { ...windowParams(w, 'kernelSize'), depthMultiplier: multiplier, activation };
  return b.layer('DepthwiseConv2D', t, [...out, c], params);
}

export function pool(b: SpecBuilder, t: Tensor, w: Window): Tensor | undefined {
  if (Math.min(...dims(t)) < 2) return undefined;
  const type = isImage(t) ? b.random.pick(['MaxPooling2D', 'AveragePooling2D']) : 'MaxPooling1D';
  return b.layer(type, t, [...outDims(t, w), channels(t)], windowParams(w, 'poolSize'));
}
