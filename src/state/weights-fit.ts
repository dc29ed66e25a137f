import { MinnowError } from '../core/errors.ts';
import { analyzeModel } from '../core/model/analyze.ts';
import { shapeSize, type ModelSpec } from '../core/model/types.ts';
import type { FloatWeights } from '../core/quant/types.ts';
import { ownValue } from '../core/text-keys.ts';

/**
 * Why saved weights no longer fit the model (PW-5), or null when every layer's weights are there with the
 * sizes the model needs. A model that does not analyze has no fitting weights.
 */
export function weightsMismatch(spec: ModelSpec, weights: FloatWeights): string | null {
  let model;
  try {
    model = analyzeModel(spec);
  } catch (e) {
    if (e instanceof MinnowError) return `the model has an error (${e.message})`;
    throw e;
  }
  for (const layer of model.layers) {
    for (const w of layer.weights) {
      const values = ownValue(ownValue(weights, layer.id), w.name);
      if (!values) return `layer "${layer.id}" has no trained ${w.name}`;
      const size = shapeSize(w.shape);
      if (values.length !== size) {
        return `layer "${layer.id}" needs ${size} values of ${w.name}, the trained weights hold ${values.length}`;
      }
    }
  }
  return null;
}
