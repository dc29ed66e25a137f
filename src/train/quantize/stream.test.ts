import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import { dequantize } from '../../core/quant/calibrate.ts';
import { randomWeights } from '../../core/quant/random-weights.ts';
import { generateWith } from '../../core/reference/generate.ts';
import { buildModel } from '../build/build-model.ts';
import { trainingModel } from '../build/token-stream.ts';
import { loadWeights } from '../build/weights.ts';
import { tf } from '../test-tfjs.ts';
import { calibrationInputs, evaluatedCount, MAX_EVALUATION_TOKENS } from './board-inputs.ts';
import { quantizeModel, runInt8 } from './int8-model.ts';
import { relativeError } from './metrics.ts';
import { perLayerErrors } from './per-layer.ts';

const model = analyzeModel({
  format: 'minnow-model',
  version: 1,
  name: 'tiny-lm',
  input: { shape: [1] },
  layers: [
    { id: 'embed', type: 'Embedding', inputDim: 256, outputDim: 8 },
    { id: 'gru', type: 'GRU', units: 16 },
    { id: 'logits', type: 'Dense', units: 256 },
  ],
});
const weights = randomWeights(model, 9);
const window = (text: string) => Float32Array.from(text, (c) => c.charCodeAt(0));
const stream = [...'the cat sat on the mat and the dog ran to the park'].map((c) =>
  Float32Array.of(c.charCodeAt(0)),
);
const int8 = quantizeModel(model, weights, stream);

describe('int8 evaluation of a token-stream model', () => {
  it('runs a window token by token from a reset state, as the board generates (token t is int8 t − 128)', () => {
    expect(int8.stream).toBe(true);
    const tokens = window('hello there');
    let seen: Int8Array = new Int8Array(0);
    // core's generation loop: reset, run the prompt one token per run, then look at the last output.
    generateWith(int8.program, int8.arena, Array.from(tokens), 1, (output) => ((seen = output.slice()), 0));
    expect(Array.from(runInt8(int8, tokens))).toEqual(Array.from(dequantize(seen, int8.compiled.output)));
    // The state is reset for every window: what ran before does not matter.
    const alone = Array.from(runInt8(int8, tokens));
    runInt8(int8, window('something else first'));
    expect(Array.from(runInt8(int8, tokens))).toEqual(alone);
  });

  it('agrees with the float window model on the last output, layer by layer', () => {
    const built = buildModel(trainingModel(model, 12));
    loadWeights(built, weights);
    const windows = ['the cat sat ', 'on the mat a', 'nd the dog r'].map(window);
    const float = tf.tidy(() =>
      (built.model.predict(tf.tensor(windows.map((w) => Array.from(w)))) as tf.Tensor).dataSync(),
    );
    const ints = windows.flatMap((w) => Array.from(runInt8(int8, w)));
    expect(relativeError(ints, float)).toBeLessThan(0.05);
    const { layers } = perLayerErrors(built, int8, windows);
    expect(layers.map((l) => l.layerId)).toEqual(['embed', 'gru', 'logits']);
    for (const l of layers) expect(l.error, l.layerId).toBeLessThan(0.05);
  });

  it('calibrates on the tokens of the first validation windows, in order, one input each', () => {
    const data = (texts: string[]) => ({
      name: 'd',
      sampleShape: [4],
      count: texts.length,
      x: Float32Array.from(texts.join(''), (c) => c.charCodeAt(0)),
      target: { kind: 'classes' as const, names: [], labels: new Int32Array(texts.length) },
    });
    const inputs = calibrationInputs(
      model,
      { train: data(['xxxx']), validation: data(['abcd', 'bcde', 'cdef']) },
      2,
    );
    expect(inputs.map((t) => String.fromCharCode(...t))).toEqual([...'abcdbcde']);
  });

  it('scores as many windows as asked, within a budget of tokens run one at a time', () => {
    const windows = (count: number, steps: number) => ({
      name: 'd',
      sampleShape: [steps],
      count,
      x: new Float32Array(count * steps),
      target: { kind: 'classes' as const, names: [], labels: new Int32Array(count) },
    });
    expect(evaluatedCount(model, windows(5000, 32), 2000)).toBe(MAX_EVALUATION_TOKENS / 32);
    expect(evaluatedCount(model, windows(300, 32), 2000)).toBe(300);
    expect(evaluatedCount(model, windows(5000, 8), 100)).toBe(100);
  });
});
