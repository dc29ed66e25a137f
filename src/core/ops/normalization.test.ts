import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import type { Shape } from '../model/types.ts';
import { type LayerInput, outcome, spec } from './test-spec.ts';
import { expectSameAsTfjs } from './test-tfjs.ts';

const cases: [string, Shape, LayerInput][] = [
  ['BatchNormalization on a vector', [16], { type: 'BatchNormalization' }],
  ['BatchNormalization on an image', [6, 6, 8], { type: 'BatchNormalization' }],
  [
    'BatchNormalization with explicit last axis',
    [6, 6, 8],
    { type: 'BatchNormalization', axis: 3, epsilon: 1e-5 },
  ],
  ['BatchNormalization on a sequence', [10, 4], { type: 'BatchNormalization', axis: -1, momentum: 0.9 }],
];

describe('[M-10] BatchNormalization matches tfjs shapes and parameter counts', () => {
  it.each(cases)('%s', (_name, input, layer) => {
    expectSameAsTfjs(spec(input, layer));
  });

  it('[M-10] owns four per-channel vectors (4·C, as tfjs countParams) and costs no MACs', () => {
    const [bn] = analyzeModel(spec([5, 5, 12], { type: 'BatchNormalization' })).layers;
    expect(bn?.weights.map((w) => [w.name, w.shape])).toEqual([
      ['gamma', [12]],
      ['beta', [12]],
      ['moving_mean', [12]],
      ['moving_variance', [12]],
    ]);
    expect(bn?.paramCount).toBe(48);
    expect(bn?.macs).toBe(0);
    expect(bn?.params).toEqual({ axis: -1, momentum: 0.99, epsilon: 0.001 });
  });
});

describe('BatchNormalization refusals', () => {
  it.each([
    ['an axis other than the last', [6, 6, 8], { axis: 1 }],
    ['the batch axis', [8], { axis: 0 }],
    ['an axis past the last', [8], { axis: 2 }],
    ['a zero epsilon', [8], { epsilon: 0 }],
    ['center, which Minnow does not read', [8], { center: false }],
  ])('refuses %s', (_name, input, params) => {
    expect(outcome(spec(input, { type: 'BatchNormalization', ...params }))).toEqual({
      id: 'INVALID_PARAM',
      layer: 'l0',
    });
  });
});
