import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMinnowError } from '../errors.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { ModelSpec, WeightPacking } from '../model/types.ts';
import { PACKABLE_OPS } from '../quant/packing.ts';
import { randomInputs, randomWeights } from '../quant/random-weights.ts';
import { randomModel } from '../testing/random-model.ts';
import { deepModel } from '../../../scripts/deep-model.ts';
import { compileModel } from './compile.ts';
import { blobSize } from './size.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as ModelSpec);

/** `packing` on the layers whose type takes one, alternating with int8 when `every` is false. */
function withPacking(spec: ModelSpec, packing: WeightPacking, every = true): ModelSpec {
  return {
    ...spec,
    layers: spec.layers.map((l, i) =>
      PACKABLE_OPS.has(l.type) && (every || i % 2 === 0) ? { ...l, packing } : l,
    ),
  };
}

/** The real writer's output length, or the code it refuses the model with. */
function written(spec: ModelSpec, seed: number): number | string {
  const model = analyzeModel(spec);
  try {
    const calibration = randomInputs(model, 2, seed);
    return compileModel(model, randomWeights(model, seed), { calibration }).blob.length;
  } catch (e) {
    if (isMinnowError(e)) return `E${e.code}`;
    throw e;
  }
}

function sized(spec: ModelSpec): number | string {
  try {
    return blobSize(analyzeModel(spec));
  } catch (e) {
    if (isMinnowError(e)) return `E${e.code}`;
    throw e;
  }
}

describe('blobSize, counted from shapes', () => {
  it('is the length the blob writer produces, to the byte, or refuses what it refuses', () => {
    const base = [
      ...examples,
      deepModel(50),
      ...Array.from({ length: 30 }, (_, i) =>
        randomModel(i + 1, { gru: i % 3 === 0, embedding: i % 4 === 1 }),
      ),
    ];
    const specs = base.flatMap((s) => [
      s,
      withPacking(s, 'int4'),
      withPacking(s, 'ternary'),
      withPacking(s, 'ternary', false),
    ]);
    const kinds = new Set<string>();
    let refused = 0;
    specs.forEach((spec, i) => {
      const expected = written(spec, i + 1);
      expect(sized(spec), `${spec.name} (${i})`).toBe(expected);
      if (typeof expected === 'string') refused++;
      else
        for (const l of analyzeModel(spec).layers)
          kinds.add(`${l.type}:${String(l.params.packing ?? 'int8')}`);
    });
    // The comparison covered what matters: packed kernels, GRUs, embedding tables, and some refusals.
    for (const kind of [
      'Dense:int4',
      'Conv2D:ternary',
      'GRU:int8',
      'GRU:ternary',
      'Embedding:int8',
      'Embedding:int4',
    ])
      expect(kinds, kind).toContain(kind);
    expect(refused).toBeLessThan(specs.length / 4);
  });

  it('refuses from shapes what the compiler refuses: no int8 kernel, a capped softmax, a wide stride', () => {
    const model = (name: string, shape: number[], layers: ModelSpec['layers']): ModelSpec => ({
      format: 'minnow-model',
      version: 1,
      name,
      input: { shape },
      layers,
    });
    const refusals = [
      model('gru-relu', [16, 4], [{ id: 'gru', type: 'GRU', units: 8, activation: 'relu' }]),
      model(
        'capped-softmax',
        [8],
        [
          { id: 'fc', type: 'Dense', units: 4, activation: 'softmax' },
          { id: 'cap', type: 'ReLU', maxValue: 0.5 },
        ],
      ),
      model(
        'stride',
        [600, 600, 1],
        [{ id: 'c', type: 'Conv2D', filters: 1, kernelSize: 300, strides: 300 }],
      ),
      model('long-axis', [70_000], [{ id: 'fc', type: 'Dense', units: 1 }]),
    ];
    for (const spec of refusals) {
      expect(written(spec, 1), spec.name).toBe('E624');
      expect(sized(spec), spec.name).toBe('E624');
    }
  });

  it('sizes a 3M-weight model without writing it, in a few milliseconds', () => {
    const spec: ModelSpec = {
      format: 'minnow-model',
      version: 1,
      name: 'wide',
      input: { shape: [784] },
      layers: [1000, 1000, 1000].map((units, i) => ({ id: `fc${i}`, type: 'Dense', units })),
    };
    const model = analyzeModel(spec);
    expect(model.paramCount).toBeGreaterThan(2_700_000);
    const start = performance.now();
    const size = blobSize(model);
    expect(performance.now() - start).toBeLessThan(50);
    // Three kernels and 3000 int32 biases plus three requantization tables of 1000 rows, and the framing.
    const weights = 784 * 1000 + 2 * 1000 * 1000 + 3 * 4 * 1000 + 3 * 8 * 1000;
    expect(size - weights).toBeGreaterThan(0);
    expect(size - weights).toBeLessThan(64 + 16 * 13 + 16 * 9);
  });
});
