import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import { shapeSize, type ModelSpec } from '../../core/model/types.ts';
import { opTypes } from '../../core/ops/registry.ts';
import { randomModel } from '../../core/testing/random-model.ts';
import { tf } from '../test-tfjs.ts';
import { buildModel } from './build-model.ts';
import { extractWeights } from './weights.ts';

/** Random models, in seed order, until every layer type appears in one of them. */
function coveringModels(): ModelSpec[] {
  const missing = new Set(opTypes());
  const chosen: ModelSpec[] = [];
  for (let seed = 1; seed < 500 && missing.size > 0; seed++) {
    const spec = randomModel(seed, {
      embedding: true,
      gru: true,
      audio: true,
      blocks: 3,
      maxLayerMacs: 200_000,
    });
    if (!spec.layers.some((l) => missing.has(l.type))) continue;
    spec.layers.forEach((l) => missing.delete(l.type));
    chosen.push(spec);
  }
  expect([...missing], 'layer types no random model holds').toEqual([]);
  return chosen;
}

describe('training every layer type with tfjs', () => {
  it.each(coveringModels().map((m) => [m.name, m] as const))(
    '%s takes a training step and changes its weights',
    async (_, spec) => {
      const model = analyzeModel(spec);
      const built = buildModel(model);
      built.model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const before = extractWeights(built);
      const outputs = shapeSize(model.layers.at(-1)?.outputShape ?? []);
      // Values in [0, 1) read as token id 0 by an Embedding input.
      const x = tf.randomUniform([4, ...model.inputShape], 0, 1, 'float32', 5);
      const y = tf.ones([4, outputs]);
      const history = await built.model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 });
      expect(Number.isFinite(history.history.loss?.[0])).toBe(true);
      expect(extractWeights(built)).not.toEqual(before);
      tf.dispose([x, y]);
      built.model.dispose();
    },
  );
});
