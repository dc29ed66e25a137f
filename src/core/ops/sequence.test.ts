import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import type { Shape } from '../model/types.ts';
import { type LayerInput, macsOf, outcome, spec } from './test-spec.ts';
import { expectSameAsTfjs, tfjsRefuses } from './test-tfjs.ts';

const cases: [string, Shape, LayerInput[]][] = [
  ['Embedding of 10 token ids', [10], [{ type: 'Embedding', inputDim: 50, outputDim: 8 }]],
  ['GRU returning the last state', [12, 3], [{ type: 'GRU', units: 8 }]],
  ['GRU returning every step', [12, 3], [{ type: 'GRU', units: 5, returnSequences: true }]],
  [
    'GRU without bias, other activations',
    [6, 4],
    [{ type: 'GRU', units: 3, useBias: false, activation: 'relu', recurrentActivation: 'sigmoid' }],
  ],
  ['GRU with resetAfter false written out', [6, 4], [{ type: 'GRU', units: 2, resetAfter: false }]],
  [
    'Embedding, stacked GRUs and a classifier',
    [20],
    [
      { type: 'Embedding', inputDim: 100, outputDim: 6 },
      { type: 'GRU', units: 7, returnSequences: true },
      { type: 'GRU', units: 4 },
      { type: 'Dense', units: 2, activation: 'softmax' },
    ],
  ],
];

describe('[M-10] Embedding and GRU match tfjs shapes and parameter counts', () => {
  it.each(cases)('%s', (_name, input, layers) => {
    expectSameAsTfjs(spec(input, ...layers));
  });
});

describe('sequence layer sizes', () => {
  it('[M-9] GRU MACs: steps·3·(in·units + units·units), whatever returnSequences says', () => {
    expect(macsOf([12, 3], { type: 'GRU', units: 8 })).toBe(12 * 3 * (3 * 8 + 8 * 8));
    expect(macsOf([12, 3], { type: 'GRU', units: 8, returnSequences: true })).toBe(12 * 3 * (3 * 8 + 8 * 8));
  });

  it('[M-7] GRU defaults follow tfjs: tanh, hardSigmoid gates, bias, last state only, resetAfter false', () => {
    const [layer] = analyzeModel(spec([5, 2], { type: 'GRU', units: 4 })).layers;
    expect(layer?.params).toEqual({
      units: 4,
      activation: 'tanh',
      recurrentActivation: 'hardSigmoid',
      useBias: true,
      packing: 'int8',
      returnSequences: false,
      resetAfter: false,
    });
    expect(layer?.weights.map((w) => w.shape)).toEqual([[2, 12], [4, 12], [12]]);
  });

  it('Embedding is a lookup: no MACs, an [inputDim, outputDim] table', () => {
    const [layer] = analyzeModel(spec([7], { type: 'Embedding', inputDim: 30, outputDim: 4 })).layers;
    expect([layer?.macs, layer?.paramCount, layer?.outputShape]).toEqual([0, 120, [7, 4]]);
  });
});

describe('sequence layer refusals', () => {
  it('refuses resetAfter true, which tfjs cannot run', () => {
    const model = spec([6, 4], { type: 'GRU', units: 2, resetAfter: true });
    expect(outcome(model)).toEqual({ id: 'INVALID_PARAM', layer: 'l0' });
    expect(tfjsRefuses(model)).toBe(true);
  });

  it('refuses a GRU on a vector or an image (tfjs too)', () => {
    for (const input of [[8], [4, 4, 2]]) {
      const model = spec(input, { type: 'GRU', units: 2 });
      expect(outcome(model)).toEqual({ id: 'SHAPE_MISMATCH', layer: 'l0' });
      expect(tfjsRefuses(model)).toBe(true);
    }
  });

  it('refuses an Embedding on anything but a sequence of ids', () => {
    expect(outcome(spec([4, 4], { type: 'Embedding', inputDim: 5, outputDim: 2 }))).toEqual({
      id: 'SHAPE_MISMATCH',
      layer: 'l0',
    });
  });

  it('asks for inputDim and outputDim', () => {
    expect(outcome(spec([4], { type: 'Embedding', outputDim: 2 }))).toEqual({
      id: 'MISSING_PARAM',
      layer: 'l0',
    });
    expect(outcome(spec([4], { type: 'Embedding', inputDim: 5 }))).toEqual({
      id: 'MISSING_PARAM',
      layer: 'l0',
    });
  });
});
