import type { AnalyzedModel, WeightSpec } from '../model/types.ts';
import { shapeSize } from '../model/types.ts';
import { createRandom, type Random } from '../random.ts';
import type { FloatWeights } from './types.ts';
import { textKeyed } from '../text-keys.ts';

/** tfjs's fans: the kernel's last two axes are in/out channels, the rest the receptive field. */
function glorotLimit(shape: readonly number[]): number {
  if (shape.length < 2) return 1;
  const field = shapeSize(shape.slice(0, -2));
  const fanIn = (shape[shape.length - 2] ?? 1) * field;
  const fanOut = (shape[shape.length - 1] ?? 1) * field;
  return Math.sqrt(6 / (fanIn + fanOut));
}

function values(rnd: Random, w: WeightSpec): Float32Array {
  const uniform = (lo: number, hi: number) =>
    Float32Array.from({ length: shapeSize(w.shape) }, () => lo + (hi - lo) * rnd.float());
  switch (w.name) {
    case 'bias':
    case 'beta':
    case 'moving_mean':
      return uniform(-0.1, 0.1);
    case 'gamma':
    case 'moving_variance':
      return uniform(0.5, 1.5);
    default: {
      const limit = glorotLimit(w.shape);
      return uniform(-limit, limit);
    }
  }
}

/**
 * Deterministic stand-in weights for `minnow compile --random-weights --seed N`: kernels Glorot-uniform as
 * tfjs initializes them, small random biases, BatchNormalization statistics near identity.
 */
export function randomWeights(model: AnalyzedModel, seed: number): FloatWeights {
  const rnd = createRandom(seed);
  const out = textKeyed<Record<string, Float32Array>>();
  for (const layer of model.layers) {
    if (layer.weights.length === 0) continue;
    out[layer.id] = textKeyed(layer.weights.map((w) => [w.name, values(rnd, w)]));
  }
  return out;
}

/** Calibration inputs uniform in [0, 1), the range of normalized pixels, when no data set is given. */
export function randomInputs(model: AnalyzedModel, count: number, seed: number): Float32Array[] {
  const rnd = createRandom(seed ^ 0x5eed);
  const n = shapeSize(model.inputShape);
  return Array.from({ length: count }, () => Float32Array.from({ length: n }, () => rnd.float()));
}
