import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import type { Shape } from '../model/types.ts';
import { type LayerInput, macsOf, outcome, spec } from './test-spec.ts';
import { expectSameAsTfjs, tfjsRefuses } from './test-tfjs.ts';

const cases: [string, Shape, LayerInput][] = [
  ['MaxPooling2D defaults (2x2, strides = poolSize)', [9, 8, 3], { type: 'MaxPooling2D' }],
  [
    'MaxPooling2D 3x3 stride 1 same',
    [8, 8, 4],
    { type: 'MaxPooling2D', poolSize: 3, strides: 1, padding: 'same' },
  ],
  [
    'MaxPooling2D strides larger than poolSize',
    [11, 11, 2],
    { type: 'MaxPooling2D', poolSize: 2, strides: 3 },
  ],
  [
    'MaxPooling2D non-square pool and strides',
    [10, 9, 1],
    { type: 'MaxPooling2D', poolSize: [3, 2], strides: [1, 2] },
  ],
  ['MaxPooling2D explicit null strides', [6, 6, 1], { type: 'MaxPooling2D', poolSize: 3, strides: null }],
  ['AveragePooling2D 2x2', [7, 7, 5], { type: 'AveragePooling2D', poolSize: 2 }],
  [
    'AveragePooling2D same, stride 2 on odd size',
    [7, 5, 3],
    { type: 'AveragePooling2D', poolSize: [3, 3], strides: 2, padding: 'same' },
  ],
  ['MaxPooling1D defaults', [9, 4], { type: 'MaxPooling1D' }],
  [
    'MaxPooling1D strides ≠ poolSize, same',
    [10, 3],
    { type: 'MaxPooling1D', poolSize: 3, strides: 2, padding: 'same' },
  ],
  ['MaxPooling1D array pool', [12, 2], { type: 'MaxPooling1D', poolSize: [4], strides: [1] }],
  ['GlobalAveragePooling2D', [5, 7, 6], { type: 'GlobalAveragePooling2D' }],
];

describe('[M-10] pooling matches tfjs shapes and parameter counts', () => {
  it.each(cases)('%s', (_name, input, layer) => {
    expectSameAsTfjs(spec(input, layer));
  });
});

describe('pooling parameters', () => {
  it('[M-7] fills tfjs defaults: poolSize 2 and strides equal to poolSize, one per axis', () => {
    const [pool2, , pool1] = analyzeModel(
      spec(
        [12, 12, 1],
        { type: 'MaxPooling2D' },
        { type: 'Reshape', targetShape: [36, 1] },
        { type: 'MaxPooling1D', poolSize: 3 },
      ),
    ).layers;
    expect(pool2?.params).toEqual({ poolSize: [2, 2], strides: [2, 2], padding: 'valid' });
    expect(pool1?.params).toEqual({ poolSize: [3], strides: [3], padding: 'valid' });
    expect(pool2?.outputShape).toEqual([6, 6, 1]);
    expect(pool1?.outputShape).toEqual([12, 1]);
  });

  it('costs no MACs and owns no weights', () => {
    expect(macsOf([8, 8, 2], { type: 'AveragePooling2D' })).toBe(0);
    expect(macsOf([8, 8, 2], { type: 'GlobalAveragePooling2D' })).toBe(0);
    expect(analyzeModel(spec([8, 2], { type: 'MaxPooling1D' })).paramCount).toBe(0);
  });
});

describe('pooling refuses what tfjs cannot build', () => {
  const refused: [string, Shape, LayerInput, string][] = [
    [
      'pool larger than the input under valid',
      [4, 4, 1],
      { type: 'MaxPooling2D', poolSize: 5 },
      'KERNEL_TOO_LARGE',
    ],
    ['1D pool longer than the sequence', [2, 3], { type: 'MaxPooling1D', poolSize: 3 }, 'KERNEL_TOO_LARGE'],
    ['2D pooling on a sequence', [8, 3], { type: 'AveragePooling2D' }, 'SHAPE_MISMATCH'],
    ['global pooling on a vector', [8], { type: 'GlobalAveragePooling2D' }, 'SHAPE_MISMATCH'],
  ];
  it.each(refused)('%s', (_name, input, layer, id) => {
    const model = spec(input, layer);
    expect(outcome(model)).toEqual({ id, layer: 'l0' });
    expect(tfjsRefuses(model)).toBe(true);
  });

  it('accepts a pool larger than the input under same padding, as tfjs does', () => {
    expectSameAsTfjs(spec([3, 3, 1], { type: 'MaxPooling2D', poolSize: 5, padding: 'same' }));
  });
});
