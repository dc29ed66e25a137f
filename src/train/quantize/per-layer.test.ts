import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { randomInputs, randomWeights } from '../../core/quant/random-weights.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import { buildModel } from '../build/build-model.ts';
import { loadWeights } from '../build/weights.ts';
import '../test-tfjs.ts';
import { quantizeModel } from './int8-model.ts';
import { accuracyOf, confusionMatrix, relativeError } from './metrics.ts';
import { perLayerErrors } from './per-layer.ts';

const spec: ModelSpec = {
  format: 'minnow-model',
  version: 1,
  name: 'three-layers',
  input: { shape: [8] },
  layers: [
    { id: 'fc1', type: 'Dense', units: 16, activation: 'relu' },
    { id: 'fc2', type: 'Dense', units: 8 },
    { id: 'out', type: 'Dense', units: 4, activation: 'softmax' },
  ],
};
const model = analyzeModel(spec);
const inputs = randomInputs(model, 16, 3);

function errorsWith(weights: FloatWeights) {
  const built = buildModel(model);
  loadWeights(built, weights);
  const result = perLayerErrors(built, quantizeModel(model, weights, inputs), inputs);
  built.model.dispose();
  return result;
}

describe('perLayerErrors', () => {
  it('finds little error anywhere in a well-behaved model', () => {
    const { layers } = errorsWith(randomWeights(model, 1));
    expect(layers.map((l) => l.layerId)).toEqual(['fc1', 'fc2', 'out']);
    for (const l of layers) expect(l.error, l.layerId).toBeLessThan(0.05);
  });

  it('names the layer whose weights int8 cannot hold', () => {
    const weights = randomWeights(model, 1);
    // fc1's unit 0 never fires, and fc2 weighs it by 50: per-channel int8 steps of 50/127 round every
    // other fc2 weight to zero, while the float model never feels the outlier.
    const fc1 = {
      ...weights.fc1,
      bias: Float32Array.from(weights.fc1!.bias!, (b, u) => (u === 0 ? -1000 : b)),
    };
    const fc2 = {
      ...weights.fc2,
      kernel: Float32Array.from(weights.fc2!.kernel!, (w, i) => (i < 8 ? 50 : w)),
    };
    const { layers, worst } = errorsWith({ ...weights, fc1, fc2 });
    expect(worst).toBe('fc2');
    expect(layers.find((l) => l.layerId === 'fc2')?.added).toBeGreaterThan(0.2);
    expect(layers.find((l) => l.layerId === 'fc1')?.error).toBeLessThan(0.05);
  });
});

describe('metrics', () => {
  it('count a confusion matrix by hand', () => {
    const counts = confusionMatrix([0, 0, 1, 2, 2], [0, 1, 1, 2, 0], 3);
    expect(counts).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
    expect(accuracyOf(counts)).toBe(3 / 5);
  });

  it('measure error relative to the signal', () => {
    expect(relativeError([1, 1], [1, 1])).toBe(0);
    expect(relativeError([0, 0], [3, 4])).toBe(1);
    expect(relativeError([3, 0], [3, 4])).toBeCloseTo(0.8, 10);
  });
});
