import { describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec, Shape } from '../model/types.ts';
import { compileCase, stepErrors, uniformInputs } from './test-harness.ts';

function spec(input: Shape, ...layers: LayerSpec[]): ModelSpec {
  return { format: 'minnow-model', version: 1, name: 'op', input: { shape: input }, layers };
}

const dense = (id: string, units: number, extra: Partial<LayerSpec> = {}): LayerSpec => ({
  id,
  type: 'Dense',
  units,
  inputs: ['input'],
  ...extra,
});

/** Each case's steps are compared one by one with tfjs on the same int8 inputs (F-53 … F-65). */
const CASES: Record<string, ModelSpec> = {
  '[F-53] Dense, relu': spec([20], { id: 'd', type: 'Dense', units: 7, activation: 'relu' }),
  '[F-53] Dense over the last axis of a rank-2 input': spec([3, 20], { id: 'd', type: 'Dense', units: 5 }),
  '[F-65] Dense, relu6': spec([16], { id: 'd', type: 'Dense', units: 8, activation: 'relu6' }),
  '[F-54] Conv2D, same padding, stride 2': spec([9, 9, 3], {
    id: 'c',
    type: 'Conv2D',
    filters: 4,
    kernelSize: 3,
    strides: 2,
    padding: 'same',
    activation: 'relu',
  }),
  '[F-54] Conv2D, valid, 2x3 kernel, no bias': spec([7, 8, 2], {
    id: 'c',
    type: 'Conv2D',
    filters: 3,
    kernelSize: [2, 3],
    useBias: false,
  }),
  '[F-55] DepthwiseConv2D, multiplier 2': spec([8, 8, 3], {
    id: 'c',
    type: 'DepthwiseConv2D',
    kernelSize: 3,
    padding: 'same',
    depthMultiplier: 2,
  }),
  '[F-56] Conv1D, same, stride 2': spec([16, 3], {
    id: 'c',
    type: 'Conv1D',
    filters: 5,
    kernelSize: 3,
    strides: 2,
    padding: 'same',
  }),
  '[F-57] MaxPooling2D, 3x3 stride 2 same': spec([8, 8, 3], {
    id: 'p',
    type: 'MaxPooling2D',
    poolSize: 3,
    strides: 2,
    padding: 'same',
  }),
  '[F-58] AveragePooling2D, same padding not counted': spec([7, 7, 2], {
    id: 'p',
    type: 'AveragePooling2D',
    poolSize: 2,
    padding: 'same',
  }),
  '[F-58] AveragePooling2D, 3x3 valid': spec([9, 9, 2], { id: 'p', type: 'AveragePooling2D', poolSize: 3 }),
  '[F-57] MaxPooling1D': spec([15, 4], {
    id: 'p',
    type: 'MaxPooling1D',
    poolSize: 3,
    strides: 2,
    padding: 'same',
  }),
  '[F-59] GlobalAveragePooling2D': spec([5, 5, 4], { id: 'g', type: 'GlobalAveragePooling2D' }),
  '[F-60] Add of two differently scaled inputs, relu fused': spec(
    [12],
    dense('a', 6),
    dense('b', 6, { activation: 'relu' }),
    { id: 'sum', type: 'Add', inputs: ['a', 'b'] },
    { id: 'r', type: 'ReLU' },
  ),
  '[F-61] Concatenate along the last axis': spec([12], dense('a', 4), dense('b', 3, { activation: 'relu' }), {
    id: 'cat',
    type: 'Concatenate',
    inputs: ['a', 'b'],
  }),
  '[F-61] Concatenate along the first axis of images': spec(
    [4, 4, 2],
    { id: 'a', type: 'Conv2D', filters: 3, kernelSize: 1, inputs: ['input'] },
    { id: 'b', type: 'Conv2D', filters: 3, kernelSize: 1, inputs: ['input'], activation: 'relu' },
    { id: 'cat', type: 'Concatenate', axis: 1, inputs: ['a', 'b'] },
  ),
  '[F-32] a rank-4 input, stored with its first two axes merged': spec([2, 3, 4, 5], {
    id: 'd',
    type: 'Dense',
    units: 3,
    activation: 'softmax',
  }),
  '[F-62] Softmax': spec([16], { id: 'd', type: 'Dense', units: 10, activation: 'softmax' }),
  '[F-63] sigmoid and tanh lookups': spec(
    [30],
    { id: 'd', type: 'Dense', units: 12, activation: 'sigmoid' },
    { id: 't', type: 'Dense', units: 9, activation: 'tanh' },
  ),
  '[F-63] a relu that cannot be fused, with a cap': spec(
    [10],
    dense('d', 10),
    { id: 'r', type: 'ReLU', maxValue: 1.5, inputs: ['d'] },
    { id: 'sum', type: 'Add', inputs: ['d', 'r'] },
  ),
  '[F-64] BatchNormalization folded into Conv2D and standalone': spec(
    [6, 6, 2],
    { id: 'c', type: 'Conv2D', filters: 3, kernelSize: 3 },
    { id: 'bn', type: 'BatchNormalization' },
    { id: 'p', type: 'MaxPooling2D' },
    { id: 'bn2', type: 'BatchNormalization' },
  ),
};

describe('reference kernels against tfjs, one step at a time', () => {
  // Kernels rounded to their int8 grid: tfjs and the int8 model hold the same weights, so the error is the
  // integer arithmetic's: half a step of rounding, plus clipping where a value leaves the calibrated range.
  for (const [name, model] of Object.entries(CASES)) {
    it(`${name}: within one output quantization step`, () => {
      const c = compileCase(model, (m) => uniformInputs(m, 48, 2));
      const errors = stepErrors(c, uniformInputs(c.model, 48, 2));
      for (const { step, error } of errors)
        expect(error, `${step.op} ${step.layerIds.join('+')}`).toBeLessThanOrEqual(1);
    });
  }
});

describe('reference kernels against tfjs with unrounded float weights', () => {
  // Weight quantization (at most half a per-channel step per weight) adds to the rounding: a stated bound.
  for (const [name, model] of Object.entries(CASES)) {
    it(`${name}: within two output quantization steps`, () => {
      const c = compileCase(model, (m) => uniformInputs(m, 48, 2), 1, false);
      const errors = stepErrors(c, uniformInputs(c.model, 48, 2));
      for (const { step, error } of errors)
        expect(error, `${step.op} ${step.layerIds.join('+')}`).toBeLessThanOrEqual(2);
    });
  }
});
