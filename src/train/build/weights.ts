import * as tf from '@tensorflow/tfjs';
import type { FloatWeights } from '../../core/quant/types.ts';
import { weightOf } from '../../core/quant/float-weights.ts';
import type { BuiltModel } from './build-model.ts';
import { textKeyed } from '../../core/text-keys.ts';

/** A tfjs variable's own name without its layer scope: "dense_Dense1/kernel" → "kernel". */
function shortName(variable: tf.LayerVariable): string {
  return variable.originalName.split('/').pop() ?? variable.originalName;
}

/** The tfjs variables of one layer by the names core uses (kernel, bias, gamma, moving_mean…). */
function variablesOf(built: BuiltModel, id: string): Map<string, tf.LayerVariable> {
  const layer = built.layers.get(id);
  return new Map((layer?.weights ?? []).map((v) => [shortName(v), v]));
}

/** Every layer's weights as core's FloatWeights (tfjs layouts, copied off the backend). */
export function extractWeights(built: BuiltModel): FloatWeights {
  const out = textKeyed<Record<string, Float32Array>>();
  for (const layer of built.analyzed.layers) {
    if (layer.weights.length === 0) continue;
    const variables = variablesOf(built, layer.id);
    out[layer.id] = textKeyed(
      layer.weights.map((w) => {
        const variable = variables.get(w.name);
        if (!variable) throw new Error(`tfjs layer for "${layer.id}" has no weight "${w.name}"`);
        return [w.name, Float32Array.from(variable.read().dataSync())];
      }),
    );
  }
  return out;
}

/**
 * Loads saved weights into the tfjs model. Each weight is checked first (present, right size, finite)
 * with core's coded errors, so weights of another version of the model are refused, not misread.
 */
export function loadWeights(built: BuiltModel, weights: FloatWeights): void {
  const writes: [tf.LayerVariable, tf.Tensor][] = [];
  for (const layer of built.analyzed.layers) {
    const variables = variablesOf(built, layer.id);
    for (const w of layer.weights) {
      const values = weightOf(weights, layer, w.name);
      const variable = variables.get(w.name) as tf.LayerVariable;
      writes.push([variable, tf.tensor(values, variable.shape as number[])]);
    }
  }
  for (const [variable, value] of writes) {
    variable.write(value);
    value.dispose();
  }
}
