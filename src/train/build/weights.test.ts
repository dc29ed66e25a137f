import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import type { AnalyzedModel } from '../../core/model/types.ts';
import { lowerModel } from '../../core/plan/lower.ts';
import { floatModel, runFloat } from '../../core/quant/float-run.ts';
import { randomInputs, randomWeights } from '../../core/quant/random-weights.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import { errorCode } from '../test-support.ts';
import { tf } from '../test-tfjs.ts';
import { buildModel } from './build-model.ts';
import { extractWeights, loadWeights } from './weights.ts';

const example = (name: string) =>
  analyzeModel(
    JSON.parse(
      readFileSync(fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url)), 'utf8'),
    ),
  );

/** The largest difference between tfjs's prediction and core's float interpreter on the same weights. */
function largestDifference(
  model: AnalyzedModel,
  weights: FloatWeights,
  predict: (x: tf.Tensor) => tf.Tensor,
): number {
  const graph = lowerModel(model);
  const float = floatModel(model, graph, weights);
  let worst = 0;
  for (const x of randomInputs(model, 3, 9)) {
    const theirs = tf.tidy(() => predict(tf.tensor(x, [1, ...model.inputShape])).dataSync());
    const ours = runFloat(float, x)[graph.outputTensor] as Float32Array;
    ours.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (theirs[i] as number)))));
  }
  return worst;
}

describe.each(['mnist-mlp', 'lenet', 'imu-conv1d', 'mobilenet-ds', 'residual', 'concat'])(
  '%s weights',
  (name) => {
    const model = example(name);

    it('extracted from tfjs, run by core in float, give what tfjs predicts', () => {
      const built = buildModel(model);
      const weights = extractWeights(built);
      expect(largestDifference(model, weights, (x) => built.model.predict(x) as tf.Tensor)).toBeLessThan(
        1e-4,
      );
      built.model.dispose();
    });

    it('loaded into tfjs, predict what core computes with them', () => {
      const built = buildModel(model);
      const weights = randomWeights(model, 4);
      loadWeights(built, weights);
      expect(largestDifference(model, weights, (x) => built.model.predict(x) as tf.Tensor)).toBeLessThan(
        1e-4,
      );
      expect(extractWeights(built)).toEqual(weights);
      built.model.dispose();
    });
  },
);

describe('loadWeights', () => {
  const model = example('mnist-mlp');
  const good = randomWeights(model, 1);

  it('refuses missing, mis-sized and non-finite weights with coded errors, changing nothing', () => {
    const built = buildModel(model);
    const before = extractWeights(built);
    const { out: _out, ...missing } = good;
    expect(errorCode(() => loadWeights(built, missing))).toBe(620);
    expect(
      errorCode(() => loadWeights(built, { ...good, out: { ...good.out, bias: new Float32Array(3) } })),
    ).toBe(621);
    const nan = Float32Array.from(good.fc1!.kernel!, (v, i) => (i === 5 ? NaN : v));
    expect(errorCode(() => loadWeights(built, { ...good, fc1: { ...good.fc1, kernel: nan } }))).toBe(622);
    expect(extractWeights(built)).toEqual(before);
    built.model.dispose();
  });
});
