import { MinnowError } from '../errors.ts';
import { shapeSize } from '../model/types.ts';
import { runFloat, type FloatModel, type FloatState } from './float-run.ts';
import type { CalibrationOptions, QuantParams, Range } from './types.ts';
import { rootOf } from './views.ts';

/** Round half away from zero, the rounding FORMAT §7 uses throughout. */
export function roundHalfAway(v: number): number {
  return Math.sign(v) * Math.floor(Math.abs(v) + 0.5) + 0; // + 0 turns −0 into 0
}

function checkSamples(m: FloatModel, samples: readonly Float32Array[]): void {
  const expected = shapeSize(m.graph.tensors[m.graph.inputTensor]?.shape ?? []);
  if (samples.length === 0) throw new MinnowError('CALIBRATION_DATA', { detail: 'there are no samples' });
  samples.forEach((s, i) => {
    if (s.length !== expected) {
      throw new MinnowError('CALIBRATION_DATA', {
        detail: `sample ${i} has ${s.length} values; the input takes ${expected}`,
      });
    }
    if (!s.every(Number.isFinite))
      throw new MinnowError('CALIBRATION_DATA', { detail: `sample ${i} holds NaN or infinite values` });
  });
}

/** The value below which a share `q` of the sorted values lies. */
function quantile(sorted: Float32Array, q: number): number {
  const at = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[at] as number;
}

/**
 * Every tensor's values for each sample in turn. `stream`: the samples are one token stream, each run
 * starting from the GRU states the previous one left (F-69), as a model compiled with kept state runs.
 */
function* sampleRuns(m: FloatModel, samples: readonly Float32Array[], stream: boolean) {
  const state: FloatState | undefined = stream ? new Map() : undefined;
  for (const sample of samples) yield runFloat(m, sample, state);
}

/**
 * F-70: the range of every tensor over the samples: min/max, or the (100 − p)th and pth percentiles
 * (p = 99.99 by default), which clips rare outliers so that common values keep more resolution. With
 * `stream`, the ranges are those of streaming generation over the samples in order (see sampleRuns).
 */
export function calibrate(
  m: FloatModel,
  samples: readonly Float32Array[],
  options: CalibrationOptions = {},
  stream = false,
): Range[] {
  checkSamples(m, samples);
  const count = m.graph.tensors.length;
  const runs = sampleRuns(m, samples, stream);
  if (options.method !== 'percentile') {
    const min = new Array<number>(count).fill(Infinity);
    const max = new Array<number>(count).fill(-Infinity);
    for (const run of runs) {
      run.forEach((values, t) => {
        for (const v of values) {
          if (v < (min[t] as number)) min[t] = v;
          if (v > (max[t] as number)) max[t] = v;
        }
      });
    }
    return min.map((lo, t) => ({ min: lo, max: max[t] as number }));
  }
  const p = (options.percentile ?? 99.99) / 100;
  const collected: Float32Array[][] = Array.from({ length: count }, () => []);
  for (const run of runs) run.forEach((values, t) => collected[t]?.push(values));
  return collected.map((parts, t) => {
    if (rootOf(m.views, t) !== t) return { min: 0, max: 0 }; // a view takes its source's quantization
    const all = new Float32Array(parts.reduce((n, a) => n + a.length, 0));
    parts.reduce((at, a) => (all.set(a, at), at + a.length), 0);
    all.sort();
    return { min: quantile(all, 1 - p), max: quantile(all, p) };
  });
}

/** The smallest scale kept: f32 scales must be normal numbers (F-34). */
const MIN_SCALE = 1e-30;

/** F-70: asymmetric int8 parameters for a real range, widened to include 0 so that 0 is exact. */
export function quantFromRange(range: Range): QuantParams {
  const lo = Math.min(range.min, 0);
  const hi = Math.max(range.max, 0);
  // An all-zero tensor (a dead relu) gets the scale of [0, 1]: any scale holds 0, and a moderate one keeps
  // the bias resolution sx·sw of the layers reading it fine.
  const scale = hi > lo ? Math.fround(Math.max((hi - lo) / 255, MIN_SCALE)) : Math.fround(1 / 255);
  const zeroPoint = Math.min(127, Math.max(-128, roundHalfAway(-128 - lo / scale)));
  return { scale, zeroPoint };
}

/** int8 of a real value. */
export function quantizeValue(v: number, q: QuantParams): number {
  return Math.min(127, Math.max(-128, roundHalfAway(v / q.scale) + q.zeroPoint));
}

/** The bytes of a tensor: int8 values, or little-endian int16 ones for the audio input (F-78). */
export function quantizeTensor(values: Float32Array, q: QuantParams): Int8Array {
  if (q.bits !== 16) return Int8Array.from(values, (v) => quantizeValue(v, q));
  const out = new Int8Array(2 * values.length);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    view.setInt16(2 * i, Math.min(32767, Math.max(-32768, roundHalfAway(v / q.scale) + q.zeroPoint)), true);
  });
  return out;
}

export function dequantize(values: Int8Array, q: QuantParams): Float32Array {
  if (q.bits !== 16) return Float32Array.from(values, (v) => q.scale * (v - q.zeroPoint));
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  return Float32Array.from(
    { length: values.length / 2 },
    (_, i) => q.scale * (view.getInt16(2 * i, true) - q.zeroPoint),
  );
}
