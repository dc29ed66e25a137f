import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type Shape } from '../model/types.ts';
import { type LayerInput, macsOf, outcome, spec } from './test-spec.ts';
import { expectSameAsTfjs } from './test-tfjs.ts';

const cases: [string, Shape, LayerInput][] = [
  ...ACTIVATIONS.map((activation): [string, Shape, LayerInput] => [
    `Activation ${activation} (a name tfjs knows)`,
    [4, 3],
    { type: 'Activation', activation },
  ]),
  ['Activation default', [5], { type: 'Activation' }],
  ['ReLU', [6, 6, 2], { type: 'ReLU' }],
  ['ReLU with maxValue 6', [8], { type: 'ReLU', maxValue: 6 }],
  ['ReLU with null maxValue', [8], { type: 'ReLU', maxValue: null }],
  ['Softmax on a vector', [10], { type: 'Softmax' }],
  ['Softmax on the last axis of a sequence', [4, 10], { type: 'Softmax', axis: -1 }],
  ['Softmax axis 1 on a vector is its last axis', [10], { type: 'Softmax', axis: 1 }],
];

describe('[M-10] activation layers match tfjs shapes and parameter counts', () => {
  it.each(cases)('%s', (_name, input, layer) => {
    expectSameAsTfjs(spec(input, layer));
  });

  it('cost no MACs', () => {
    expect(macsOf([8], { type: 'ReLU', maxValue: 6 }) + macsOf([8], { type: 'Softmax' })).toBe(0);
  });
});

describe('activation parameters', () => {
  it.each([
    ['an unknown activation', { type: 'Activation', activation: 'gelu' }],
    ['a negative ReLU cap', { type: 'ReLU', maxValue: -1 }],
    ['a Softmax over the batch axis', { type: 'Softmax', axis: 0 }],
  ])('refuses %s', (_name, layer) => {
    expect(outcome(spec([4], layer))).toEqual({ id: 'INVALID_PARAM', layer: 'l0' });
  });

  // tfjs could take it, but the kernels normalize over the last axis only; refusing beats a silent mismatch.
  it('refuses a Softmax over an axis other than the last', () => {
    expect(outcome(spec([4, 10], { type: 'Softmax', axis: 1 }))).toEqual({
      id: 'INVALID_PARAM',
      layer: 'l0',
    });
  });
});
