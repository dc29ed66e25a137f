import { describe, expect, it } from 'vitest';
import type { Shape } from '../model/types.ts';
import { type LayerInput, macsOf, outcome, spec } from './test-spec.ts';
import { expectSameAsTfjs, tfjsRefuses } from './test-tfjs.ts';

const cases: [string, Shape, LayerInput][] = [
  ['Conv2D 3x3 valid', [8, 8, 3], { type: 'Conv2D', filters: 4, kernelSize: 3 }],
  [
    'Conv2D same, stride 2, odd sizes',
    [7, 9, 2],
    { type: 'Conv2D', filters: 5, kernelSize: 3, strides: 2, padding: 'same' },
  ],
  [
    'Conv2D non-square kernel and strides',
    [10, 7, 3],
    { type: 'Conv2D', filters: 2, kernelSize: [3, 1], strides: [2, 3] },
  ],
  [
    'Conv2D same, non-square strides',
    [9, 10, 1],
    { type: 'Conv2D', filters: 2, kernelSize: [2, 4], strides: [3, 4], padding: 'same' },
  ],
  [
    'Conv2D without bias',
    [6, 6, 4],
    { type: 'Conv2D', filters: 8, kernelSize: [1, 1], useBias: false, activation: 'relu' },
  ],
  ['Conv2D kernel equal to input', [5, 5, 1], { type: 'Conv2D', filters: 3, kernelSize: 5 }],
  ['DepthwiseConv2D 3x3 same', [8, 8, 6], { type: 'DepthwiseConv2D', kernelSize: 3, padding: 'same' }],
  [
    'DepthwiseConv2D depthMultiplier 3, stride 2',
    [9, 9, 4],
    { type: 'DepthwiseConv2D', kernelSize: 3, strides: 2, depthMultiplier: 3 },
  ],
  [
    'DepthwiseConv2D non-square, no bias, same',
    [8, 5, 2],
    {
      type: 'DepthwiseConv2D',
      kernelSize: [2, 3],
      strides: [1, 2],
      depthMultiplier: 2,
      useBias: false,
      padding: 'same',
    },
  ],
  ['Conv1D valid', [20, 6], { type: 'Conv1D', filters: 8, kernelSize: 5 }],
  [
    'Conv1D same, stride 3',
    [20, 6],
    { type: 'Conv1D', filters: 4, kernelSize: 4, strides: 3, padding: 'same' },
  ],
  [
    'Conv1D array kernel and stride, no bias',
    [11, 2],
    { type: 'Conv1D', filters: 3, kernelSize: [3], strides: [2], useBias: false },
  ],
];

describe('[M-10] convolutions match tfjs shapes and parameter counts', () => {
  it.each(cases)('%s', (_name, input, layer) => {
    expectSameAsTfjs(spec(input, layer));
  });
});

describe('[M-9] convolution MACs', () => {
  it('Conv2D: outH·outW·filters·kh·kw·inC', () => {
    // 8x8x3, 3x3 valid → 6x6x4
    expect(macsOf([8, 8, 3], { type: 'Conv2D', filters: 4, kernelSize: 3 })).toBe(6 * 6 * 4 * 3 * 3 * 3);
    // 10x7x3, [3,1] strides [2,3] → 4x3x2
    expect(macsOf([10, 7, 3], { type: 'Conv2D', filters: 2, kernelSize: [3, 1], strides: [2, 3] })).toBe(
      4 * 3 * 2 * 3 * 1 * 3,
    );
  });

  it('DepthwiseConv2D: outH·outW·inC·dm·kh·kw', () => {
    // 9x9x4, 3x3 stride 2 valid, dm 3 → 4x4x12
    const layer = { type: 'DepthwiseConv2D', kernelSize: 3, strides: 2, depthMultiplier: 3 };
    expect(macsOf([9, 9, 4], layer)).toBe(4 * 4 * 4 * 3 * 3 * 3);
  });

  it('Conv1D: outL·filters·k·inC', () => {
    // 20x6, k 5 valid → 16x8
    expect(macsOf([20, 6], { type: 'Conv1D', filters: 8, kernelSize: 5 })).toBe(16 * 8 * 5 * 6);
    // same, stride 3 → ceil(20/3) = 7 steps
    expect(macsOf([20, 6], { type: 'Conv1D', filters: 4, kernelSize: 4, strides: 3, padding: 'same' })).toBe(
      7 * 4 * 4 * 6,
    );
  });
});

describe('convolutions refuse what tfjs cannot build', () => {
  const refused: [string, Shape, LayerInput, string][] = [
    [
      'Conv2D kernel wider than the input',
      [4, 4, 1],
      { type: 'Conv2D', filters: 2, kernelSize: [3, 5] },
      'KERNEL_TOO_LARGE',
    ],
    [
      'DepthwiseConv2D kernel taller than the input',
      [2, 8, 1],
      { type: 'DepthwiseConv2D', kernelSize: 3 },
      'KERNEL_TOO_LARGE',
    ],
    [
      'Conv1D kernel longer than the sequence',
      [4, 2],
      { type: 'Conv1D', filters: 2, kernelSize: 5 },
      'KERNEL_TOO_LARGE',
    ],
    ['Conv2D on a vector', [16], { type: 'Conv2D', filters: 2, kernelSize: 3 }, 'SHAPE_MISMATCH'],
    ['Conv1D on an image', [8, 8, 1], { type: 'Conv1D', filters: 2, kernelSize: 3 }, 'SHAPE_MISMATCH'],
  ];
  it.each(refused)('%s', (_name, input, layer, id) => {
    const model = spec(input, layer);
    expect(outcome(model)).toEqual({ id, layer: 'l0' });
    expect(tfjsRefuses(model)).toBe(true);
  });
});
