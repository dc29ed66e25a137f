import { MinnowError } from '../errors.ts';
import { formatShape, shapeSize, type AnalyzedLayer } from '../model/types.ts';
import type { ExecStep } from '../plan/types.ts';
import type { FloatWeights } from './types.ts';
import { ownValue } from '../text-keys.ts';

/**
 * The float parameters of a Dense/Conv/BN step in the blob's layouts (FORMAT §5): Dense [U, I], Conv2D
 * [F, kh, kw, C], Conv1D [F, k, C], DepthwiseConv2D [kh, kw, C·M], BatchNormalization [C]; a folded
 * BatchNormalization already merged in (F-71).
 */
export interface ChannelParams {
  readonly weights: Float32Array;
  readonly shape: readonly number[];
  readonly bias: Float32Array;
  readonly channels: number;
  /** Output channel of weight element i. */
  channelOf(i: number): number;
}

/** The weight named `name` of `layer`, checked for presence, size and finiteness (codes 620–622). */
export function weightOf(weights: FloatWeights, layer: AnalyzedLayer, name: string): Float32Array {
  const spec = layer.weights.find((w) => w.name === name);
  const values = ownValue(ownValue(weights, layer.id), name);
  if (!spec || !values) throw new MinnowError('WEIGHTS_MISSING', { layer: layer.id, weight: name });
  const expected = shapeSize(spec.shape);
  if (values.length !== expected) {
    throw new MinnowError('WEIGHTS_SHAPE', {
      layer: layer.id,
      weight: name,
      actual: values.length,
      shape: formatShape(spec.shape),
      expected,
    });
  }
  if (!values.every(Number.isFinite))
    throw new MinnowError('WEIGHTS_NOT_FINITE', { layer: layer.id, weight: name });
  return values;
}

/** Moves the last axis (tfjs's output channels) to the front: [..., F] → [F, ...]. */
function channelsFirst(kernel: Float32Array, filters: number): Float32Array {
  const per = kernel.length / filters;
  const out = new Float32Array(kernel.length);
  for (let i = 0; i < per; i++)
    for (let f = 0; f < filters; f++) out[f * per + i] = kernel[i * filters + f] as number;
  return out;
}

/** A BatchNormalization as y = a·x + b per channel. */
export function batchNormAffine(
  weights: FloatWeights,
  bn: AnalyzedLayer,
): { scale: Float32Array; shift: Float32Array } {
  const [gamma, beta, mean, variance] = ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((n) =>
    weightOf(weights, bn, n),
  ) as [Float32Array, Float32Array, Float32Array, Float32Array];
  const epsilon = typeof bn.params.epsilon === 'number' ? bn.params.epsilon : 0.001;
  const scale = gamma.map((g, c) => g / Math.sqrt((variance[c] as number) + epsilon));
  const shift = beta.map((b, c) => b - (mean[c] as number) * (scale[c] as number));
  return { scale, shift };
}

/** Shape of a channel step's kernel in blob layout and its output channels, from the layer's shapes alone. */
export function channelShape(step: ExecStep): { shape: readonly number[]; channels: number } {
  const layer = step.layer;
  if (step.op === 'BatchNormalization') {
    const channels = layer.weights.find((w) => w.name === 'gamma')?.shape[0] ?? 0;
    return { shape: [channels], channels };
  }
  const depthwise = step.op === 'DepthwiseConv2D';
  const tfShape =
    layer.weights.find((w) => w.name === (depthwise ? 'depthwise_kernel' : 'kernel'))?.shape ?? [];
  if (depthwise) {
    // tfjs [kh, kw, C, M] is already [kh, kw, C·M] in memory, channel o = c·M + m.
    const channels = (tfShape[2] ?? 0) * (tfShape[3] ?? 0);
    return { shape: [tfShape[0] ?? 0, tfShape[1] ?? 0, channels], channels };
  }
  const channels = tfShape[tfShape.length - 1] ?? 0;
  return { shape: [channels, ...tfShape.slice(0, -2), tfShape[tfShape.length - 2] ?? 0], channels };
}

function mainParams(step: ExecStep, weights: FloatWeights): ChannelParams {
  const layer = step.layer;
  if (step.op === 'BatchNormalization') {
    const { scale, shift } = batchNormAffine(weights, layer);
    return {
      weights: scale,
      shape: [scale.length],
      bias: shift,
      channels: scale.length,
      channelOf: (i) => i,
    };
  }
  const depthwise = step.op === 'DepthwiseConv2D';
  const kernel = weightOf(weights, layer, depthwise ? 'depthwise_kernel' : 'kernel');
  const { shape, channels } = channelShape(step);
  const hasBias = layer.weights.some((w) => w.name === 'bias');
  const bias = hasBias ? weightOf(weights, layer, 'bias') : new Float32Array(channels);
  if (depthwise) return { weights: kernel, shape, bias, channels, channelOf: (i) => i % channels };
  const per = kernel.length / channels;
  return {
    weights: channelsFirst(kernel, channels),
    shape,
    bias,
    channels,
    channelOf: (i) => Math.floor(i / per),
  };
}

/** The step's parameters in blob layout, with a folded BatchNormalization applied per output channel. */
export function channelParams(step: ExecStep, weights: FloatWeights): ChannelParams {
  const params = mainParams(step, weights);
  if (!step.foldedBatchNorm) return params;
  const { scale, shift } = batchNormAffine(weights, step.foldedBatchNorm);
  const folded = params.weights.map((w, i) => w * (scale[params.channelOf(i)] as number));
  const bias = params.bias.map((b, c) => b * (scale[c] as number) + (shift[c] as number));
  return { ...params, weights: folded, bias };
}
