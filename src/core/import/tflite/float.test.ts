import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../model/analyze.ts';
import { buildModel } from '../../../train/build/build-model.ts';
import { loadWeights } from '../../../train/build/weights.ts';
import type { FloatWeights } from '../../quant/types.ts';
import { importTflite } from './index.ts';
import { floatBranches, floatCnn, floatMlp } from './test-models.ts';
import { convolve, fullyConnected, pool, type Image } from './test-tflm.ts';

function tfjsRun(imported: ReturnType<typeof importTflite>, input: Float32Array): Float32Array {
  const analyzed = analyzeModel(imported.model);
  const built = buildModel(analyzed);
  loadWeights(built, imported.weights as FloatWeights);
  return tf.tidy(
    () =>
      (
        built.model.predict(tf.tensor(input, [1, ...analyzed.inputShape])) as tf.Tensor
      ).dataSync() as Float32Array,
  );
}

const relu = (v: number) => Math.max(0, v);
const relu6 = (v: number) => Math.min(6, Math.max(0, v));
const input = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 1.7));

describe('TensorFlow Lite float import', () => {
  it('[I-2] maps FULLY_CONNECTED/SOFTMAX to Dense and Softmax with TFLite [out, in] weights transposed', () => {
    const m = floatMlp(5, 7, 3);
    const imported = importTflite({ name: 'mlp.tflite', bytes: m.bytes });
    expect(imported.model.layers).toEqual([
      { id: 'dense_1', type: 'Dense', units: 7, activation: 'relu', useBias: true },
      { id: 'dense_2', type: 'Dense', units: 3, activation: 'linear', useBias: true },
      { id: 'softmax_1', type: 'Softmax' },
    ]);
    const analyzed = analyzeModel(imported.model);
    expect(analyzed.paramCount).toBe(7 * 5 + 7 + 3 * 7 + 3);
    expect(analyzed.macs).toBe(5 * 7 + 7 * 3);
    expect(imported.quantization).toBeUndefined();
    const x = input(5);
    const h = fullyConnected(x, m.w1, 7, m.b1, 0, (a) => relu(a));
    const logits = fullyConnected(h, m.w2, 3, m.b2, 0, (a) => a);
    const e = logits.map((v) => Math.exp(v - Math.max(...logits)));
    const want = e.map((v) => v / e.reduce((a, b) => a + b, 0));
    const got = tfjsRun(imported, x);
    want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
  });

  it('[I-3] maps a CNN: PAD folded into "same", depthwise, pooling, MEAN as GlobalAveragePooling2D', () => {
    const m = floatCnn();
    const imported = importTflite({ name: 'cnn.tflite', bytes: m.bytes });
    expect(imported.model.layers.map((l) => l.type)).toEqual([
      'Conv2D',
      'DepthwiseConv2D',
      'MaxPooling2D',
      'AveragePooling2D',
      'GlobalAveragePooling2D',
      'Dense',
      'Activation',
    ]);
    expect(imported.model.layers[0]).toMatchObject({ padding: 'same', kernelSize: [3, 3], filters: 4 });
    expect(imported.model.layers[1]).toMatchObject({ padding: 'same', strides: [2, 2], depthMultiplier: 2 });
    expect(imported.notes.some((n) => n.includes('PAD (operator 0) is folded'))).toBe(true);
    const analyzed = analyzeModel(imported.model);
    expect(analyzed.macs).toBe(8 * 8 * 4 * 9 * 2 + 4 * 4 * 8 * 9 + 8 * 3);
    const x = input(8 * 8 * 2);
    let img: Image = { data: x, h: 8, w: 8, c: 2 };
    img = convolve(
      img,
      m.conv.w,
      [4, 3, 3, 2],
      m.conv.b,
      { stride: 1, same: true, depthwise: false, offset: 0 },
      relu,
    );
    img = convolve(
      img,
      m.dw.w,
      [1, 3, 3, 8],
      m.dw.b,
      { stride: 2, same: true, depthwise: true, offset: 0 },
      relu6,
    );
    img = pool(img, 2, 2, false, 'max', false);
    img = pool(img, 2, 1, true, 'avg', false);
    const mean = Array.from(
      { length: 8 },
      (_, ch) =>
        Array.from(img.data)
          .filter((_, i) => i % 8 === ch)
          .reduce((a, b) => a + b, 0) / 4,
    );
    const want = fullyConnected(mean, m.fc.w, 3, m.fc.b, 0, (a) => 1 / (1 + Math.exp(-a)));
    const got = tfjsRun(imported, x);
    want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
  });

  it('[I-4] maps ADD, CONCATENATION, RESHAPE and TANH into a DAG', () => {
    const m = floatBranches();
    const imported = importTflite({ name: 'branches.tflite', bytes: m.bytes });
    expect(imported.model.layers).toMatchObject([
      { id: 'dense_1', type: 'Dense' },
      { id: 'dense_2', type: 'Dense', inputs: ['input'] },
      { id: 'add_1', type: 'Add', inputs: ['dense_1', 'dense_2'] },
      { id: 'concatenate_1', type: 'Concatenate', axis: -1, inputs: ['dense_1', 'add_1'] },
      { id: 'reshape_1', type: 'Reshape', targetShape: [2, 4] },
      { id: 'activation_1', type: 'Activation', activation: 'tanh' },
    ]);
    const x = input(6);
    const fa = fullyConnected(x, m.a.w, 4, m.a.b, 0, (v) => v);
    const fb = fullyConnected(x, m.b.w, 4, m.b.b, 0, (v) => v);
    const want = [...fa, ...fa.map((v, i) => v + (fb[i] as number))].map(Math.tanh);
    const got = tfjsRun(imported, x);
    want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
  });
});
