import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { planModel } from '../../core/plan/index.ts';
import { compileForBoard } from './compiled-model.ts';
import { floatScores } from './float-scores.ts';

const spec: ModelSpec = {
  format: 'minnow-model',
  version: 1,
  name: 'two',
  input: { shape: [3] },
  layers: [{ id: 'out', type: 'Dense', units: 2, activation: 'relu' }],
};
// Kernel [in, out]: out0 = x0 − x2 + 0.5, out1 = 2·x1 − 1, then relu.
const weights = {
  out: { kernel: Float32Array.of(1, 0, 0, 2, -1, 0), bias: Float32Array.of(0.5, -1) },
};

describe('the float model beside the live test', () => {
  it('[D-13] gives the float output of the weights the blob was quantized from (checked by hand)', () => {
    const model = analyzeModel(spec);
    const scores = floatScores(model, planModel(model), weights);
    // x = (1, 0.25, 3): out0 = 1 − 3 + 0.5 = −1.5 → 0; out1 = 0.5 − 1 = −0.5 → 0.
    expect(scores(Float32Array.of(1, 0.25, 3))).toEqual([0, 0]);
    // x = (2, 1.5, 0.5): out0 = 2 − 0.5 + 0.5 = 2; out1 = 3 − 1 = 2 → both 2.
    expect(scores(Float32Array.of(2, 1.5, 0.5))).toEqual([2, 2]);
    expect(scores(Float32Array.of(0, 3, 0))).toEqual([0.5, 5]);
  });

  it('[D-13] comes with every compiled tensor model, not with a token stream', () => {
    const compiled = compileForBoard(spec, weights, []);
    expect(compiled.status === 'ok' && compiled.floatScores?.(Float32Array.of(0, 3, 0))).toEqual([0.5, 5]);
  });
});
