import { describe, expect, it } from 'vitest';
import { compileModel } from '../blob/compile.ts';
import { analyzeModel } from '../model/analyze.ts';
import { sequenceSpec } from '../model/token-stream.ts';
import { lowerModel } from '../plan/index.ts';
import { predict, tfjsModel } from '../reference/test-tfjs.ts';
import { calibrate, quantFromRange } from './calibrate.ts';
import { floatModel, runFloat, type FloatState } from './float-run.ts';
import { randomWeights } from './random-weights.ts';
import { languageModelSpec } from '../testing/language-model.ts';

/** A small char-LM: one token per run, GRU state kept between runs (F-69). */
const LM = languageModelSpec({ vocab: 32, units: 12 });
const TOKENS = [3, 17, 17, 29, 0, 8, 21, 5, 12, 30];
const model = analyzeModel(LM);
const weights = randomWeights(model, 6);
const stream = TOKENS.map((t) => Float32Array.of(t));

/** tfjs on the window model over the first k tokens: its last output is the stream's output after k tokens. */
const windowOutputs = TOKENS.map((_, i) => {
  const window = analyzeModel(sequenceSpec(LM, i + 1));
  const [y] = predict(tfjsModel(window, weights), [[Float32Array.from(TOKENS.slice(0, i + 1))]]);
  return y as Float32Array;
});

describe('streaming calibration (F-69, F-70)', () => {
  it('the float model run with a carried state gives, after k tokens, tfjs on the k-token window', () => {
    const float = floatModel(model, lowerModel(model), weights);
    const state: FloatState = new Map();
    stream.forEach((x, i) => {
      const got = runFloat(float, x, state)[float.graph.outputTensor] as Float32Array;
      got.forEach((v, j) =>
        expect(Math.abs(v - ((windowOutputs[i] as Float32Array)[j] as number))).toBeLessThan(1e-5),
      );
    });
  });

  it('calibrate with `stream` takes the ranges of that stream, not of one step from a zero state', () => {
    const float = floatModel(model, lowerModel(model), weights);
    const out = float.graph.outputTensor;
    const all = windowOutputs.flatMap((y) => [...y]);
    const streamed = calibrate(float, stream, {}, true)[out];
    expect(streamed?.min).toBeCloseTo(Math.min(...all), 5);
    expect(streamed?.max).toBeCloseTo(Math.max(...all), 5);
    // Each token from a zero state is the window of that token alone: a different range.
    const single = TOKENS.flatMap((t) => [
      ...(predict(tfjsModel(model, weights), [[Float32Array.of(t)]])[0] as Float32Array),
    ]);
    const zeroState = calibrate(float, stream)[out];
    expect(zeroState?.max).toBeCloseTo(Math.max(...single), 5);
    expect(Math.abs((zeroState?.max ?? 0) - (streamed?.max ?? 0))).toBeGreaterThan(1e-3);
  });

  it('compileModel with keepGruState quantizes the logits over the streamed range', () => {
    const all = windowOutputs.flatMap((y) => [...y]);
    const want = quantFromRange({ min: Math.min(...all), max: Math.max(...all) });
    const kept = compileModel(model, weights, { calibration: stream, keepGruState: true });
    expect(kept.output.scale).toBeCloseTo(want.scale, 7);
    expect(kept.output.zeroPoint).toBe(want.zeroPoint);
    const reset = compileModel(model, weights, { calibration: stream });
    expect(reset.output.scale).not.toBeCloseTo(want.scale, 5);
  });
});
