import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import { randomWeights } from '../../core/quant/random-weights.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import { buildModel } from '../build/build-model.ts';
import { extractWeights, loadWeights } from '../build/weights.ts';
import { errorCode } from '../test-support.ts';
import { tf } from '../test-tfjs.ts';
import { quantizeGrid } from './grid.ts';
import { enableFakeQuant } from './wrap.ts';

const model = analyzeModel({
  format: 'minnow-model',
  version: 1,
  name: 'qat',
  input: { shape: [5, 5, 2] },
  layers: [
    { id: 'conv', type: 'Conv2D', filters: 3, kernelSize: 3, activation: 'relu' },
    { id: 'dw', type: 'DepthwiseConv2D', kernelSize: 2, depthMultiplier: 2 },
    { id: 'flat', type: 'Flatten' },
    { id: 'fc', type: 'Dense', units: 4 },
  ],
});
const weights = randomWeights(model, 3);
const input = tf.tensor(
  Float32Array.from({ length: 50 }, (_, i) => Math.sin(i)),
  [1, 5, 5, 2],
);
const PLAN = { conv: 'int4', dw: 'int8', fc: 'ternary' } as const;

function built(w: FloatWeights = weights) {
  const b = buildModel(model);
  loadWeights(b, w);
  return b;
}

/** The weights with each planned kernel replaced by its grid, computed without tfjs. */
function onGrid(): FloatWeights {
  const grid = (id: keyof typeof PLAN, name: string, channels: number) => ({
    ...weights[id],
    [name]: quantizeGrid(PLAN[id], weights[id]?.[name] as Float32Array, channels),
  });
  return {
    ...weights,
    conv: grid('conv', 'kernel', 3),
    dw: grid('dw', 'depthwise_kernel', 6),
    fc: grid('fc', 'kernel', 4),
  };
}

const predict = (b: ReturnType<typeof built>) => Array.from((b.model.predict(input) as tf.Tensor).dataSync());

describe('enableFakeQuant', () => {
  it('computes with the grid kernels while on, and with the float ones again once restored', () => {
    const b = built();
    const float = predict(b);
    const restore = enableFakeQuant(b, PLAN);
    const fake = predict(b);
    expect(fake).toEqual(predict(built(onGrid())));
    expect(fake).not.toEqual(float);
    restore();
    expect(predict(b)).toEqual(float);
  });

  it('trains the float shadow kernel: an SGD step moves it by the straight-through gradient', async () => {
    const dense = analyzeModel({
      format: 'minnow-model',
      version: 1,
      name: 'dense',
      input: { shape: [3] },
      layers: [{ id: 'fc', type: 'Dense', units: 2 }],
    });
    const kernel = Float32Array.from([0.875, 1, 0.1875, -0.5, -0.3125, 0.25]);
    const b = buildModel(dense);
    loadWeights(b, { fc: { kernel, bias: Float32Array.from([0.25, -0.5]) } });
    enableFakeQuant(b, { fc: 'ternary' });
    b.model.compile({ optimizer: tf.train.sgd(0.5), loss: 'meanSquaredError' });
    const x = [1, -2, 0.5];
    await b.model.trainOnBatch(tf.tensor([x]), tf.zeros([1, 2]));
    // By hand: grid kernel [[0.875, 0.75], [0, −0.75], [0, 0]] gives y = [1.125, 1.75]; the MSE over the two
    // outputs has dL/dy = y, and dL/dW[i][c] = x[i]·y[c] reaches the float kernel unchanged.
    const y = [1.125, 1.75];
    const expected = Array.from(kernel, (w, i) =>
      Math.fround(w - 0.5 * (x[i >> 1] as number) * (y[i % 2] as number)),
    );
    expect(Array.from(extractWeights(b).fc?.kernel as Float32Array)).toEqual(expected);
  });

  it('refuses layers without a kernel and unknown ids', () => {
    expect(errorCode(() => enableFakeQuant(built(), { flat: 'int8' }))).toBe(650);
    expect(errorCode(() => enableFakeQuant(built(), { nope: 'int4' }))).toBe(650);
  });
});
