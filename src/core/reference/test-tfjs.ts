/**
 * Test support: the float model computed by tfjs itself (the independent side of every int8 comparison),
 * holding exactly the float weights the compiler quantized.
 */
import * as tf from '@tensorflow/tfjs';
import { TFJS_LAYERS, type LayerFactory } from '../testing/test-tfjs-layers.ts';
import { INPUT_ID, type AnalyzedModel, type LayerSpec, type ModelSpec, type Shape } from '../model/types.ts';
import type { FloatWeights } from '../quant/types.ts';

/**
 * A tfjs model over named inputs running `layers` (a layer without `inputs` reads the previous layer, the
 * first one `input`), with the weights of `weights` set by tfjs name in tfjs's weight order.
 */
export function tfjsGraph(
  inputs: ReadonlyMap<string, Shape>,
  layers: readonly LayerSpec[],
  weights: FloatWeights,
): tf.LayersModel {
  const symbols = new Map([...inputs].map(([name, shape]) => [name, tf.input({ shape: [...shape] })]));
  let last = symbols.get(INPUT_ID) ?? ([...symbols.values()][0] as tf.SymbolicTensor);
  const made: [string, tf.layers.Layer][] = [];
  for (const layer of layers) {
    const { id, type, inputs: names, ...params } = layer;
    const layerObj = (TFJS_LAYERS[type] as LayerFactory)({ ...params, name: id });
    const args = names ? names.map((n) => symbols.get(n) as tf.SymbolicTensor) : [last];
    last = layerObj.apply(args.length === 1 ? (args[0] as tf.SymbolicTensor) : args) as tf.SymbolicTensor;
    symbols.set(id, last);
    made.push([id, layerObj]);
  }
  const model = tf.model({
    inputs: [...inputs.keys()].map((n) => symbols.get(n) as tf.SymbolicTensor),
    outputs: last,
  });
  for (const [id, layerObj] of made) {
    const own = weights[id];
    if (!own) continue;
    const names = layerObj.weights.map((w) => w.originalName.split('/').at(-1) as string);
    layerObj.setWeights(
      names.map((n, i) => tf.tensor(own[n] as Float32Array, layerObj.weights[i]?.shape as number[])),
    );
  }
  return model;
}

export function tfjsModel(model: AnalyzedModel, weights: FloatWeights): tf.LayersModel {
  return tfjsGraph(new Map([[INPUT_ID, model.inputShape]]), (model.spec as ModelSpec).layers, weights);
}

/** Runs `model` on samples (one Float32Array per input per sample), batched; one flat output per sample. */
export function predict(
  model: tf.LayersModel,
  samples: readonly (readonly Float32Array[])[],
): Float32Array[] {
  return tf.tidy(() => {
    const xs = model.inputs.map((input, k) => {
      const shape = input.shape.slice(1) as number[];
      const flat = new Float32Array(samples.length * shape.reduce((a, b) => a * b, 1));
      samples.forEach((s, i) => flat.set(s[k] as Float32Array, i * (s[k] as Float32Array).length));
      return tf.tensor(flat, [samples.length, ...shape]);
    });
    const y = model.predict(xs.length === 1 ? (xs[0] as tf.Tensor) : xs) as tf.Tensor;
    const data = y.dataSync() as Float32Array;
    const per = data.length / samples.length;
    return samples.map((_, i) => data.slice(i * per, (i + 1) * per));
  });
}
