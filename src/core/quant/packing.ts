import { ElementType } from '../blob/format.ts';
import type { AnalyzedModel, WeightPacking } from '../model/types.ts';
import { roundHalfAway } from './calibrate.ts';
import { textKeyed } from '../text-keys.ts';

export type { WeightPacking };

export const PACKING_TYPE = {
  int8: ElementType.INT8,
  int4: ElementType.INT4,
  ternary: ElementType.TERNARY,
} as const;

/** The packing each layer asks for with its `packing` parameter, int8 layers left out. */
export function layerPackings(model: AnalyzedModel): Record<string, WeightPacking> {
  const out = textKeyed<WeightPacking>();
  for (const layer of model.layers) {
    const packing = layer.params.packing as WeightPacking | undefined;
    if (packing && packing !== 'int8') out[layer.id] = packing;
  }
  return out;
}

/** Ops whose kernels read packed weights (F-30); others keep int8. */
export const PACKABLE_OPS: ReadonlySet<string> = new Set([
  'Dense',
  'Conv1D',
  'Conv2D',
  'DepthwiseConv2D',
  'GRU',
  'Embedding',
]);

/**
 * F-71, F-75: per-channel scales and integer levels. int8 and int4 are symmetric over max|w| (levels ±127,
 * ±7); ternary keeps the weights above 0.7·mean|w| as ±1 with the mean of their magnitudes as the scale.
 */
export function channelLevels(
  packing: WeightPacking,
  weights: Float32Array,
  channels: number,
  channelOf: (i: number) => number,
): { levels: Int8Array; scales: Float64Array } {
  const max = new Float64Array(channels);
  const sum = new Float64Array(channels);
  const count = new Float64Array(channels);
  weights.forEach((w, i) => {
    const c = channelOf(i);
    max[c] = Math.max(max[c] as number, Math.abs(w));
    sum[c] = (sum[c] as number) + Math.abs(w);
    count[c] = (count[c] as number) + 1;
  });
  if (packing !== 'ternary') {
    const top = packing === 'int4' ? 7 : 127;
    const scales = max.map((m) => (m > 0 ? m / top : 1));
    const levels = Int8Array.from(weights, (w, i) =>
      Math.min(top, Math.max(-top, roundHalfAway(w / (scales[channelOf(i)] as number)))),
    );
    return { levels, scales };
  }
  const threshold = sum.map((s, c) => (0.7 * s) / ((count[c] as number) || 1));
  const kept = new Float64Array(channels);
  const keptSum = new Float64Array(channels);
  const levels = Int8Array.from(weights, (w, i) => {
    const c = channelOf(i);
    if (Math.abs(w) <= (threshold[c] as number) || w === 0) return 0;
    kept[c] = (kept[c] as number) + 1;
    keptSum[c] = (keptSum[c] as number) + Math.abs(w);
    return Math.sign(w);
  });
  const scales = keptSum.map((s, c) => ((kept[c] as number) > 0 ? s / (kept[c] as number) : 1));
  return { levels, scales };
}

/** F-30 packing of integer levels into bytes. */
export function packLevels(packing: WeightPacking, levels: Int8Array): Uint8Array {
  if (packing === 'int8') return new Uint8Array(levels.buffer, levels.byteOffset, levels.length);
  if (packing === 'int4') {
    const out = new Uint8Array(Math.ceil(levels.length / 2));
    levels.forEach((v, i) => (out[i >> 1] = (out[i >> 1] as number) | ((v & 15) << (4 * (i & 1)))));
    return out;
  }
  const out = new Uint8Array(Math.ceil(levels.length / 5));
  out.forEach((_, k) => {
    let byte = 0;
    for (let j = 4; j >= 0; j--) byte = 3 * byte + (levels[5 * k + j] ?? 0) + 1;
    out[k] = byte;
  });
  return out;
}

/** The packed bytes of `levels` as the Int8Array a constant tensor is written from. */
export function packedValues(packing: WeightPacking, levels: Int8Array): Int8Array {
  const bytes = packLevels(packing, levels);
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** F-30 decoding: the `count` levels held in `bytes` of element type `type`. */
export function unpackLevels(type: number, bytes: Uint8Array, count: number): Int8Array {
  if (type === ElementType.INT4)
    return Int8Array.from(
      { length: count },
      (_, i) => (((bytes[i >> 1] as number) >> (4 * (i & 1))) << 28) >> 28,
    );
  if (type === ElementType.TERNARY)
    return Int8Array.from(
      { length: count },
      (_, i) => (Math.floor((bytes[Math.floor(i / 5)] as number) / 3 ** (i % 5)) % 3) - 1,
    );
  return new Int8Array(bytes.buffer, bytes.byteOffset, count);
}
