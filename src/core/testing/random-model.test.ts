import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import type { AnalyzedModel } from '../model/types.ts';
import { randomModel, type RandomModelOptions } from './random-model.ts';

function analyzeSeeds(count: number, options?: (seed: number) => RandomModelOptions): AnalyzedModel[] {
  return Array.from({ length: count }, (_, i) => analyzeModel(randomModel(i + 1, options?.(i + 1))));
}

const typesIn = (models: readonly AnalyzedModel[]) =>
  new Set(models.flatMap((m) => m.layers.map((l) => l.type)));

describe('randomModel', () => {
  const plain = analyzeSeeds(1000);

  it('gives the same file for the same seed and options, and different files for different seeds', () => {
    expect(randomModel(17)).toEqual(randomModel(17));
    expect(randomModel(17, { gru: true, embedding: true })).toEqual(
      randomModel(17, { gru: true, embedding: true }),
    );
    expect(randomModel(17)).not.toEqual(randomModel(18));
  });

  it('makes models analyzeModel accepts for seeds 1..1000, with and without the sequence ops', () => {
    expect(plain).toHaveLength(1000);
    expect(analyzeSeeds(300, () => ({ embedding: true, gru: true }))).toHaveLength(300);
  });

  it('uses every int8-supported layer type across seeds, and Embedding/GRU only when asked', () => {
    const expected = [
      'Conv2D',
      'DepthwiseConv2D',
      'Conv1D',
      'MaxPooling2D',
      'AveragePooling2D',
      'MaxPooling1D',
      'GlobalAveragePooling2D',
      'Dense',
      'Flatten',
      'Reshape',
      'Dropout',
      'BatchNormalization',
      'Activation',
      'ReLU',
      'Softmax',
      'Add',
      'Concatenate',
    ];
    const seen = typesIn(plain);
    expect(expected.filter((t) => !seen.has(t))).toEqual([]);
    expect(seen.has('Embedding') || seen.has('GRU')).toBe(false);
    const sequence = typesIn(analyzeSeeds(200, () => ({ embedding: true, gru: true })));
    expect(sequence.has('Embedding') && sequence.has('GRU')).toBe(true);
  });

  it('keeps sizes realistic for a microcontroller', () => {
    for (const model of plain) {
      const input = model.inputShape;
      expect(input.length === 3 ? input[0]! <= 64 && input[1]! <= 64 && input[2]! <= 3 : true).toBe(true);
      for (const layer of model.layers) {
        const out = layer.outputShape;
        const last = out[out.length - 1] ?? 0;
        // Channels stay at or below 64, units at or below 256 (a Flatten or a vector input may be wider).
        if (out.length >= 2) expect(last, `${model.name} ${layer.id}`).toBeLessThanOrEqual(64);
        if (layer.type === 'Dense' || layer.type === 'Concatenate') expect(last).toBeLessThanOrEqual(256);
        expect(layer.macs, `${model.name} ${layer.id}`).toBeLessThanOrEqual(2_000_000);
      }
    }
  });

  it('builds residual and concatenated branches, and respects a fixed block count', () => {
    const merges = plain.filter((m) => m.layers.some((l) => l.inputs.length > 1)).length;
    expect(merges).toBeGreaterThan(300);
    const long = analyzeModel(randomModel(5, { blocks: 60 }));
    expect(long.layers.length).toBeGreaterThan(60);
  });
});
