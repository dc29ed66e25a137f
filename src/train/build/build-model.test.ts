import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { opTypes } from '../../core/ops/registry.ts';
import { randomModel } from '../../core/testing/random-model.ts';
import { tf } from '../test-tfjs.ts';
import { buildModel } from './build-model.ts';
import { TRAINABLE_TYPES } from './layer-args.ts';

const dir = fileURLToPath(new URL('../../../examples/', import.meta.url));
const examples = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(dir + file, 'utf8')) as ModelSpec;

/** Builds the model from core's parsed parameters and compares every layer with core's analysis. */
function expectSameAsCore(spec: ModelSpec): void {
  const analyzed = analyzeModel(spec);
  const built = buildModel(analyzed);
  try {
    for (const layer of analyzed.layers) {
      const symbolic = built.outputs.get(layer.id)?.shape.slice(1) ?? [];
      if (!symbolic.includes(null)) expect(symbolic, `${layer.id} output shape`).toEqual(layer.outputShape);
      expect(built.layers.get(layer.id)?.countParams(), `${layer.id} parameters`).toBe(layer.paramCount);
    }
    expect(built.model.countParams()).toBe(analyzed.paramCount);
    const y = tf.tidy(() => built.model.predict(tf.zeros([2, ...analyzed.inputShape])) as tf.Tensor);
    expect(y.shape.slice(1), 'output shape when run').toEqual(analyzed.layers.at(-1)?.outputShape);
    y.dispose();
  } finally {
    built.model.dispose();
  }
}

describe('buildModel', () => {
  it('has a tfjs layer for every layer type of the model format', () => {
    expect([...TRAINABLE_TYPES].sort()).toEqual(opTypes().sort());
  });

  it.each(examples)('%s: shapes and parameter counts equal core', (file) => {
    expectSameAsCore(read(file));
  });

  it.each(Array.from({ length: 24 }, (_, i) => i + 1))(
    'random model %i: shapes and parameter counts equal core',
    (seed) => {
      expectSameAsCore(
        randomModel(seed, { embedding: seed % 4 === 0, gru: seed % 3 === 0, blocks: 1 + (seed % 4) }),
      );
    },
  );

  it('joins on the axis the file names, even a negative one other than -1', () => {
    const spec: ModelSpec = {
      format: 'minnow-model',
      version: 1,
      name: 'concat-axis',
      input: { shape: [4, 3, 2] },
      layers: [
        { id: 'a', type: 'Conv2D', filters: 2, kernelSize: 1, inputs: ['input'] },
        { id: 'b', type: 'Conv2D', filters: 2, kernelSize: 1, inputs: ['input'] },
        { id: 'cat', type: 'Concatenate', axis: -3, inputs: ['a', 'b'] },
      ],
    };
    expect(analyzeModel(spec).layers.at(-1)?.outputShape).toEqual([8, 3, 2]);
    expectSameAsCore(spec);
  });
});
