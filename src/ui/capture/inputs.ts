import { rgbToRgba } from '../../core/capture/crop.ts';
import { int16ToInput } from '../../core/capture/clip.ts';
import type { Capture } from '../../core/capture/types.ts';
import { rgbaToInput } from '../../train/datasets/images.ts';

/** A camera frame (RGB bytes at the model's height and width) as the model of input `shape` reads it. */
export function frameInput(rgb: Uint8Array, shape: readonly number[]): Float32Array {
  return rgbaToInput(rgbToRgba(rgb), shape);
}

/** A recording as the model reads it (the same functions the data set is built with). */
export function captureInput(c: Capture, shape: readonly number[]): Float32Array {
  return c.kind === 'image' ? frameInput(c.rgb, [c.height, c.width, shape[2] ?? 3]) : int16ToInput(c.samples);
}

/** Min and max of each of `columns` slices of a clip, for a waveform picture. */
export function envelope(samples: Int16Array, columns: number): [number, number][] {
  const per = Math.max(1, Math.floor(samples.length / columns));
  return Array.from({ length: Math.min(columns, samples.length) }, (_, i) => {
    const part = samples.subarray(i * per, (i + 1) * per);
    return [Math.min(...part) / 32768, Math.max(...part) / 32768];
  });
}

let counter = 0;
/** A recording id unique in the project: time and a counter (two frames can share a millisecond). */
export function newCaptureId(): string {
  counter = (counter + 1) % 1e6;
  return `${Date.now().toString(36)}-${counter.toString(36)}`;
}
