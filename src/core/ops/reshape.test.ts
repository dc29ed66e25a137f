import { describe, expect, it } from 'vitest';
import type { Shape } from '../model/types.ts';
import { type LayerInput, macsOf, outcome, spec } from './test-spec.ts';
import { expectSameAsTfjs, tfjsRefuses } from './test-tfjs.ts';

const cases: [string, Shape, LayerInput][] = [
  ['Flatten an image', [28, 28, 1], { type: 'Flatten' }],
  ['Flatten a sequence', [5, 3], { type: 'Flatten' }],
  ['Reshape a vector to an image', [784], { type: 'Reshape', targetShape: [28, 28, 1] }],
  ['Reshape with -1 first', [3, 4], { type: 'Reshape', targetShape: [-1, 2] }],
  ['Reshape with -1 in the middle', [24], { type: 'Reshape', targetShape: [2, -1, 3] }],
  ['Reshape to one -1', [2, 3, 4], { type: 'Reshape', targetShape: [-1] }],
];

describe('[M-10] Flatten and Reshape match tfjs shapes and parameter counts', () => {
  it.each(cases)('%s', (_name, input, layer) => {
    expectSameAsTfjs(spec(input, layer));
  });

  it('resolves -1 to the size that keeps every value', () => {
    const model = expectSameAsTfjs(spec([24], { type: 'Reshape', targetShape: [2, -1, 3] }));
    expect(model.layers[0]?.outputShape).toEqual([2, 4, 3]);
    expect(macsOf([24], { type: 'Reshape', targetShape: [2, -1, 3] })).toBe(0);
  });
});

describe('Flatten and Reshape refuse what tfjs refuses', () => {
  const refused: [string, Shape, LayerInput, string][] = [
    ['Flatten a vector', [5], { type: 'Flatten' }, 'SHAPE_MISMATCH'],
    ['Reshape to a different size', [3, 4], { type: 'Reshape', targetShape: [5, 2] }, 'SHAPE_MISMATCH'],
    [
      'Reshape with -1 that does not divide',
      [3, 4],
      { type: 'Reshape', targetShape: [5, -1] },
      'SHAPE_MISMATCH',
    ],
    ['Reshape with two -1', [3, 4], { type: 'Reshape', targetShape: [-1, -1] }, 'INVALID_PARAM'],
  ];
  it.each(refused)('%s', (_name, input, layer, id) => {
    const model = spec(input, layer);
    expect(outcome(model)).toEqual({ id, layer: 'l0' });
    expect(tfjsRefuses(model)).toBe(true);
  });

  it.each([[[0, 3]], [[-2, 6]], [[]], [[2.5, 2]], ['12']])('refuses the targetShape %j', (targetShape) => {
    expect(outcome(spec([12], { type: 'Reshape', targetShape }))).toEqual({
      id: 'INVALID_PARAM',
      layer: 'l0',
    });
  });
});
