import type { ModelSpec } from '../model/types.ts';
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
  /** The input's scale: the bias is at scale inputScale · scales[c]. */
  readonly inputScale: number;
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

/** Blob layout [C, ...] (channels first) → tfjs's [..., C]: Dense [U, I] → [I, U], Conv2D [F, kh, kw, C] → [kh, kw, C, F]. */
export function channelsLast(values: Float32Array, channels: number): Float32Array {
  const per = values.length / channels;
  const out = new Float32Array(values.length);
  for (let c = 0; c < channels; c++)
    for (let k = 0; k < per; k++) out[k * channels + c] = values[c * per + k] as number;
  return out;
}

/**
 * The real values of an imported int8 model's weights, in tfjs's layouts (FloatWeights): what the designer
 * shows and trains from, and what float runs of the model use. Each weight is level · scale of its channel.
 */
export function exactFloatWeights(
  model: ModelSpec,
  exact: ExactQuant,
): Record<string, Record<string, Float32Array>> {
  const out: Record<string, Record<string, Float32Array>> = {};
  for (const layer of model.layers) {
    const e = Object.hasOwn(exact.layers, layer.id) ? exact.layers[layer.id] : undefined;
    if (!e) continue;
    const channels = e.bias.length;
    const depthwise = layer.type === 'DepthwiseConv2D';
    const per = e.weights.length / channels;
    const real = new Float32Array(e.weights.length);
    for (let i = 0; i < real.length; i++) {
      const c = depthwise ? i % channels : Math.floor(i / per);
      real[i] = (e.weights[i] as number) * (e.scales[c] as number);
    }
    out[layer.id] = {
      [depthwise ? 'depthwise_kernel' : 'kernel']: depthwise ? real : channelsLast(real, channels),
      ...(layer.useBias === false
        ? {}
        : { bias: Float32Array.from(e.bias, (b, c) => b * e.inputScale * (e.scales[c] as number)) }),
    };
  }
  return out;
}
