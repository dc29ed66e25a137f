import { MinnowError } from '../errors.ts';
import type { AnalyzedLayer } from '../model/types.ts';
import type { FusedActivation } from './types.ts';

/** Layers whose output is their input's bytes under another shape: no step, no new buffer. */
const VIEW_TYPES = new Set(['Flatten', 'Reshape', 'Dropout']);

/** Steps a following BatchNormalization can be folded into (its scale and shift merge into the weights). */
export const BN_FOLD_TARGETS = new Set(['Dense', 'Conv2D', 'DepthwiseConv2D', 'Conv1D']);

/** Layer types whose `activation` parameter applies to their output; GRU's own is internal to the cell. */
const OWN_ACTIVATION_TYPES = BN_FOLD_TARGETS;

/** Ops whose output may reuse the buffer of an input that dies at that step: elementwise or row-wise. */
export const IN_PLACE_OPS = new Set(['Activation', 'Softmax', 'Add']);

/** What happens to a value after it is computed. */
export type Post =
  | { readonly kind: 'clamp'; readonly activation: FusedActivation; readonly reluMax?: number }
  | { readonly kind: 'func'; readonly func: 'sigmoid' | 'tanh' }
  | { readonly kind: 'softmax' };

export type LayerRole =
  | { readonly kind: 'view' }
  | { readonly kind: 'batchnorm' }
  /** A layer that only applies `post` to its input. */
  | { readonly kind: 'elementwise'; readonly post: Post }
  /** A kernel, then `post` on its output. */
  | { readonly kind: 'compute'; readonly post: Post };

const LINEAR: Post = { kind: 'clamp', activation: 'linear' };

function postOf(layer: AnalyzedLayer, value: unknown): Post {
  switch (value) {
    case undefined:
    case 'linear':
      return LINEAR;
    case 'relu':
    case 'relu6':
      return { kind: 'clamp', activation: value };
    case 'sigmoid':
    case 'tanh':
      return { kind: 'func', func: value };
    case 'softmax':
      return { kind: 'softmax' };
    default:
      throw new MinnowError('INVALID_PARAM', {
        layer: layer.id,
        type: layer.type,
        param: 'activation',
        detail: `"${String(value)}" is not an activation Minnow can run.`,
        fix: 'Use linear, relu, relu6, sigmoid, tanh or softmax.',
      });
  }
}

function reluPost(maxValue: unknown): Post {
  if (typeof maxValue !== 'number') return { kind: 'clamp', activation: 'relu' };
  if (maxValue === 6) return { kind: 'clamp', activation: 'relu6' };
  return { kind: 'clamp', activation: 'relu', reluMax: maxValue };
}

export function roleOf(layer: AnalyzedLayer): LayerRole {
  if (VIEW_TYPES.has(layer.type)) return { kind: 'view' };
  switch (layer.type) {
    case 'BatchNormalization':
      return { kind: 'batchnorm' };
    case 'ReLU':
      return { kind: 'elementwise', post: reluPost(layer.params.maxValue) };
    case 'Softmax':
      return { kind: 'elementwise', post: { kind: 'softmax' } };
    case 'Activation': {
      const post = postOf(layer, layer.params.activation);
      // An identity changes nothing: treat it like Dropout.
      return post === LINEAR ? { kind: 'view' } : { kind: 'elementwise', post };
    }
    default:
      return {
        kind: 'compute',
        post: OWN_ACTIVATION_TYPES.has(layer.type) ? postOf(layer, layer.params.activation) : LINEAR,
      };
  }
}

/**
 * Folding a BN into the producer's weights is per output channel, so it needs the BN to normalise the last
 * axis. Keras counts the batch axis, so for an input of rank r (without batch) the last axis is r or -1.
 */
export function normalisesChannels(bn: AnalyzedLayer): boolean {
  const axis = bn.params.axis;
  const rank = bn.inputShapes[0]?.length ?? 0;
  return axis === undefined || axis === -1 || axis === rank;
}
