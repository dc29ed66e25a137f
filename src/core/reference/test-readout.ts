/**
 * Test support: classifiers that mean something without training. Inputs are noisy copies of ten fixed
 * prototype images; the network keeps its random hidden layers as feature extractors and its last Dense
 * layer is fitted to the labels by ridge regression (closed form), as a trained readout would be. The
 * output is then confident on most inputs and genuinely uncertain near the class boundaries.
 */
import * as tf from '@tensorflow/tfjs';
import { shapeSize, type AnalyzedModel } from '../model/types.ts';
import type { FloatWeights } from '../quant/types.ts';
import { createRandom } from '../random.ts';
import { predict, tfjsModel } from './test-tfjs.ts';

export const CLASSES = 10;

/**
 * `count` inputs in [0, 1]: signal·prototype + (1 − signal)·noise, the class chosen at random (seeded). With
 * 0.65 the fitted LeNet classifies about 98 % of them right, as LeNet does MNIST.
 */
export function prototypeInputs(
  model: AnalyzedModel,
  count: number,
  seed: number,
  signal = 0.65,
): { inputs: Float32Array[]; labels: number[] } {
  const n = shapeSize(model.inputShape);
  const protoRnd = createRandom(999);
  const prototypes = Array.from({ length: CLASSES }, () =>
    Float32Array.from({ length: n }, () => protoRnd.float()),
  );
  const rnd = createRandom(seed);
  const labels = Array.from({ length: count }, () => rnd.int(0, CLASSES - 1));
  const inputs = labels.map((k) =>
    (prototypes[k] as Float32Array).map((p) => signal * p + (1 - signal) * rnd.float()),
  );
  return { inputs, labels };
}

/** Solves A·X = B (A n×n, B n×m, row-major Float64) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, n: number, m: number): Float64Array {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r * n + col] as number) > Math.abs(a[pivot * n + col] as number)) pivot = r;
    for (let k = 0; k < n; k++)
      [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k] as number, a[col * n + k] as number];
    for (let k = 0; k < m; k++)
      [b[col * m + k], b[pivot * m + k]] = [b[pivot * m + k] as number, b[col * m + k] as number];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = (a[r * n + col] as number) / (a[col * n + col] as number);
      if (f === 0) continue;
      for (let k = col; k < n; k++) a[r * n + k] = (a[r * n + k] as number) - f * (a[col * n + k] as number);
      for (let k = 0; k < m; k++) b[r * m + k] = (b[r * m + k] as number) - f * (b[col * m + k] as number);
    }
  }
  return b.map((v, i) => v / (a[Math.floor(i / m) * (n + 1)] as number));
}

/** Fits the last Dense layer (`outputId`, linear logits before its softmax) to the labels: logit 8 for the class. */
export function fitReadout(
  model: AnalyzedModel,
  weights: FloatWeights,
  featureLayer: string,
  data: { inputs: Float32Array[]; labels: number[] },
): FloatWeights {
  const full = tfjsModel(model, weights);
  const features = tf.model({
    inputs: full.inputs,
    outputs: full.getLayer(featureLayer).output as tf.SymbolicTensor,
  });
  const h = predict(
    features,
    data.inputs.map((x) => [x]),
  );
  full.dispose();
  const f = (h[0] as Float32Array).length + 1;
  const a = new Float64Array(f * f);
  const b = new Float64Array(f * CLASSES);
  h.forEach((row, s) => {
    const x = [...row, 1];
    for (let i = 0; i < f; i++) {
      for (let j = 0; j < f; j++)
        a[i * f + j] = (a[i * f + j] as number) + (x[i] as number) * (x[j] as number);
      b[i * CLASSES + (data.labels[s] as number)] =
        (b[i * CLASSES + (data.labels[s] as number)] as number) + 8 * (x[i] as number);
    }
  });
  for (let i = 0; i < f; i++) a[i * f + i] = (a[i * f + i] as number) + 1e-3 * h.length;
  const x = solve(a, b, f, CLASSES);
  return {
    ...weights,
    [model.outputId]: {
      kernel: Float32Array.from(x.subarray(0, (f - 1) * CLASSES)),
      bias: Float32Array.from(x.subarray((f - 1) * CLASSES)),
    },
  };
}
