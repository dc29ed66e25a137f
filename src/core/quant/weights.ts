import { INT32_MAX, quantizeMultiplier } from './fixed-point.ts';
import { roundHalfAway } from './calibrate.ts';
import type { ChannelParams } from './float-weights.ts';
import { channelLevels, type WeightPacking } from './packing.ts';

/** The constants W, B, R of a Dense/Conv/BN op (FORMAT §5). */
export interface QuantizedChannels {
  readonly weights: Int8Array;
  readonly bias: Int32Array;
  /** [C, 2]: multiplier, shift. */
  readonly requant: Int32Array;
  /** Per-channel weight scales, for reports. */
  readonly scales: Float64Array;
}

/**
 * F-71: symmetric int8 weights per output channel, int32 bias at scale sx·sw[c], and the requantization
 * multiplier sx·sw[c]/sy; biases are clamped to F-43 so the kernels' int32 sums never overflow.
 */
export function quantizeChannels(
  p: ChannelParams,
  sx: number,
  sy: number,
  reduce: number,
  layer: string,
  packing: WeightPacking = 'int8',
): QuantizedChannels {
  const { levels: weights, scales } = channelLevels(packing, p.weights, p.channels, (i) => p.channelOf(i));
  const bound = INT32_MAX - 32640 * reduce;
  const bias = Int32Array.from(p.bias, (b, c) =>
    Math.min(bound, Math.max(-bound, roundHalfAway(b / (sx * (scales[c] as number))))),
  );
  const requant = new Int32Array(2 * p.channels);
  scales.forEach((sw, c) => {
    const { multiplier, shift } = quantizeMultiplier((sx * sw) / sy, layer);
    requant[2 * c] = multiplier;
    requant[2 * c + 1] = shift;
  });
  return { weights, bias, requant, scales };
}

/** A list of real multipliers as an INT32 [n, 2] requantization table. */
export function requantTable(reals: readonly number[], layer: string): Int32Array {
  const out = new Int32Array(2 * reals.length);
  reals.forEach((real, i) => {
    const { multiplier, shift } = quantizeMultiplier(real, layer);
    out[2 * i] = multiplier;
    out[2 * i + 1] = shift;
  });
  return out;
}
