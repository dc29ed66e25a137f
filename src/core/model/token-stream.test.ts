import { describe, expect, it } from 'vitest';
import { analyzeModel } from './analyze.ts';
import { isTokenStream, sequenceSpec } from './token-stream.ts';
import type { LayerSpec, ModelSpec } from './types.ts';

const spec = (shape: number[], layers: LayerSpec[]): ModelSpec => ({
  format: 'minnow-model',
  version: 1,
  name: 'lm',
  input: { shape },
  layers,
});
const LM: LayerSpec[] = [
  { id: 'e', type: 'Embedding', inputDim: 32, outputDim: 8 },
  { id: 'g', type: 'GRU', units: 12 },
  { id: 'out', type: 'Dense', units: 32 },
];

describe('token-stream models', () => {
  it('one token in, Embedding first, a GRU keeping only its last state: a token stream', () => {
    expect(isTokenStream(analyzeModel(spec([1], LM)))).toBe(true);
  });

  it('a window input, no Embedding, no GRU or a GRU returning sequences is not', () => {
    expect(isTokenStream(analyzeModel(spec([16], LM)))).toBe(false);
    expect(isTokenStream(analyzeModel(spec([1, 4], [{ id: 'g', type: 'GRU', units: 4 }])))).toBe(false);
    expect(isTokenStream(analyzeModel(spec([1], [LM[0] as LayerSpec, LM[2] as LayerSpec])))).toBe(false);
    const sequences = [LM[0] as LayerSpec, { id: 'g', type: 'GRU', units: 12, returnSequences: true }];
    expect(isTokenStream(analyzeModel(spec([1], sequences)))).toBe(false);
  });

  it('the window model has the same weights, layer by layer, as the one-token model', () => {
    const one = analyzeModel(spec([1], LM));
    const window = analyzeModel(sequenceSpec(one.spec, 24));
    expect(window.inputShape).toEqual([24]);
    expect(window.layers.map((l) => l.weights)).toEqual(one.layers.map((l) => l.weights));
    expect(window.paramCount).toBe(one.paramCount);
    // The GRU runs 24 steps instead of 1.
    expect(window.macs - one.macs).toBe(23 * 3 * (8 * 12 + 12 * 12));
  });
});
