import type { QuantParams } from './types.ts';

/**
 * The weights of one Dense/Conv2D/DepthwiseConv2D layer exactly as an int8 model file gave them, in the
 * blob's layouts (FORMAT §5: Dense [U, I], Conv2D [F, kh, kw, C], DepthwiseConv2D [kh, kw, C·M], which are
 * also TensorFlow Lite's).
 */
export interface ExactLayer {
  readonly weights: Int8Array;
  readonly bias: Int32Array;
  /** Per output channel weight scale (one value repeated for a per-tensor scale). */
  readonly scales: readonly number[];
  /**
   * Per output channel real multiplier sx·sw[c]/sy as the model's own runtime computes it (TFLite Micro's
   * rounding of each product included), so F-52 encodes the same (m, shift) it does.
   */
  readonly multipliers: readonly number[];
}

/**
 * An imported int8 model's quantization, used by the compiler instead of calibration: the input's, every
 * layer's output (by layer id), and each weighted layer's integer weights.
 */
export interface ExactQuant {
  readonly input: QuantParams;
  readonly tensors: Readonly<Record<string, QuantParams>>;
  readonly layers: Readonly<Record<string, ExactLayer>>;
}
