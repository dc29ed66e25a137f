import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { weightsMismatch } from '../../state/weights-fit.ts';
import '../test-tfjs.ts';
import { buildModel } from './build-model.ts';
import { notTokenStream, trainingModel } from './token-stream.ts';
import { extractWeights, loadWeights } from './weights.ts';

const example = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url)), 'utf8'),
  ) as ModelSpec;

describe('[D-7] trainingModel', () => {
  const charLm = example('char-lm');

  it('trains a token stream as its window model; its weights fit the one-token model the page keeps', () => {
    const windowModel = trainingModel(analyzeModel(charLm), 24);
    expect(windowModel.inputShape).toEqual([24]);
    const built = buildModel(windowModel);
    expect(built.model.outputs[0]?.shape).toEqual([null, 256]);
    const weights = extractWeights(built);
    expect(weightsMismatch(charLm, weights)).toBeNull();
    const oneToken = buildModel(analyzeModel(charLm));
    loadWeights(oneToken, weights);
    expect(extractWeights(oneToken)).toEqual(weights);
  });

  it('leaves other models as they are', () => {
    const mlp = analyzeModel(example('mnist-mlp'));
    expect(trainingModel(mlp, 24)).toBe(mlp);
  });

  it('says what keeps a model from reading one token at a time', () => {
    const layers = charLm.layers;
    const variant = (change: Partial<ModelSpec>) => notTokenStream(analyzeModel({ ...charLm, ...change }));
    expect(variant({})).toBeNull();
    expect(variant({ input: { shape: [8] } })).toBe('takes an input of shape [8]');
    expect(variant({ layers: layers.filter((l) => l.id !== 'gru') })).toBe('has no GRU');
    expect(
      variant({ layers: layers.map((l) => (l.id === 'gru' ? { ...l, returnSequences: true } : l)) }),
    ).toMatch(/GRU \("gru"\) that returns sequences/);
    expect(
      variant({
        layers: [
          { id: 'scale', type: 'Dense', units: 4 },
          { id: 'steps', type: 'Reshape', targetShape: [4, 1] },
          { id: 'g', type: 'GRU', units: 4 },
        ],
      }),
    ).toBe('does not read its input with an Embedding first');
  });
});
