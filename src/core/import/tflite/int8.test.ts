import { describe, expect, it } from 'vitest';
import { compileModel } from '../../blob/compile.ts';
import { readBlob } from '../../blob/reader.ts';
import { analyzeModel } from '../../model/analyze.ts';
import { createRandom } from '../../random.ts';
import { prepare, run } from '../../reference/interpreter.ts';
import { importTflite } from './index.ts';
import { ADD_Q, CNN_Q, MLP_Q, int8Add, int8Cnn, int8MlpFloatIo, int8Softmax, type Q } from './test-int8.ts';
import {
  convolve,
  fullyConnected,
  mbqm,
  pool,
  quantizeMultiplier,
  requantize,
  type Image,
} from './test-tflm.ts';

/** TFLite's CalculateActivationRangeQuantized: RELU [zp, 127], RELU6 [zp, zp + round(6 / scale in float32)]. */
const relu = (q: Q): [number, number] => [Math.max(-128, q.zp), 127];
const relu6 = (q: Q): [number, number] => [
  Math.max(-128, q.zp),
  Math.min(127, q.zp + Math.round(Math.fround(6 / q.scale))),
];
const none: [number, number] = [-128, 127];

function compiledRun(bytes: Uint8Array, name: string, inputs: Int8Array[]): Int8Array[] {
  const imported = importTflite({ name, bytes });
  const model = analyzeModel(imported.model);
  const compiled = compileModel(model, imported.weights, { calibration: [], exact: imported.quantization });
  const program = prepare(readBlob(compiled.blob));
  return inputs.map((x) => run(program, x, new Uint8Array(compiled.plan.arenaBytes)).slice());
}

function randomInputs(n: number, size: number, seed: number): Int8Array[] {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => Int8Array.from({ length: size }, () => r.int(-128, 127)));
}

describe('TensorFlow Lite int8 import', () => {
  it('[I-10] keeps per-channel conv and depthwise, pooling and per-tensor FC quantization byte for byte', () => {
    const m = int8Cnn();
    const q = CNN_Q;
    const inputs = randomInputs(20, 6 * 6 * 2, 3);
    const want = inputs.map((x) => {
      let img: Image = { data: x, h: 6, w: 6, c: 2 };
      const conv = { stride: 1, same: true, depthwise: false, offset: -q.x.zp };
      img = convolve(img, m.conv.w, [4, 3, 3, 2], m.conv.b, conv, (acc, c) =>
        requantize(acc, (q.x.scale * (m.conv.s[c] as number)) / q.conv.scale, q.conv.zp, ...relu6(q.conv)),
      );
      const dw = { stride: 1, same: false, depthwise: true, offset: -q.conv.zp };
      img = convolve(img, m.dw.w, [1, 3, 3, 8], m.dw.b, dw, (acc, c) =>
        requantize(acc, (q.conv.scale * (m.dw.s[c] as number)) / q.dw.scale, q.dw.zp),
      );
      img = pool(img, 2, 2, false, 'max', true);
      img = pool(img, 2, 1, true, 'avg', true);
      // TFLite Micro's per-tensor FULLY_CONNECTED multiplies the float32 scales in float32 first.
      const m1 = Math.fround(q.dw.scale * (m.fc1.s[0] as number)) / q.fc1.scale;
      const h = fullyConnected(img.data, m.fc1.w, 5, m.fc1.b, -q.dw.zp, (acc) =>
        requantize(acc, m1, q.fc1.zp, ...relu(q.fc1)),
      );
      const m2 = Math.fround(q.fc1.scale * (m.fc2.s[0] as number)) / q.fc2.scale;
      return Int8Array.from(
        fullyConnected(h, m.fc2.w, 3, m.fc2.b, -q.fc1.zp, (acc) => requantize(acc, m2, q.fc2.zp, ...none)),
      );
    });
    const got = compiledRun(m.bytes, 'cnn-int8.tflite', inputs);
    expect(got).toEqual(want);
    // Not a constant: the inputs give different outputs.
    expect(new Set(want.map((w) => w.join())).size).toBeGreaterThan(5);
  });

  it('[I-11] drops QUANTIZE and DEQUANTIZE at the edges, taking the input quantization from QUANTIZE', () => {
    const m = int8MlpFloatIo();
    const imported = importTflite({ name: 'mlp-int8.tflite', bytes: m.bytes });
    expect(imported.quantization?.input).toEqual({ scale: MLP_Q.x.scale, zeroPoint: MLP_Q.x.zp });
    expect(imported.notes.filter((n) => n.includes('is dropped'))).toHaveLength(2);
    expect(imported.model.layers.map((l) => l.type)).toEqual(['Dense', 'Dense']);
    // Dequantized float weights let the designer show and retrain the model.
    const w = imported.weights.dense_1?.kernel as Float32Array;
    expect(w[1 * 6 + 0]).toBeCloseTo((m.fc1.w[0 * 10 + 1] as number) * (m.fc1.s[0] as number), 7);
    const q = MLP_Q;
    // kernel_util.cc: a per-tensor FULLY_CONNECTED's multiplier is double(float(sx · sw)) / sy.
    const product = Math.fround(q.x.scale * (m.fc1.s[0] as number));
    expect(product).not.toBe(q.x.scale * (m.fc1.s[0] as number));
    expect(imported.quantization?.layers.dense_1?.multipliers[0]).toBe(product / q.h.scale);
    const inputs = randomInputs(20, 10, 4);
    const want = inputs.map((x) => {
      const m1 = Math.fround(q.x.scale * (m.fc1.s[0] as number)) / q.h.scale;
      const h = fullyConnected(x, m.fc1.w, 6, m.fc1.b, -q.x.zp, (acc) =>
        requantize(acc, m1, q.h.zp, ...relu(q.h)),
      );
      const m2 = Math.fround(q.h.scale * (m.fc2.s[0] as number)) / q.y.scale;
      return Int8Array.from(
        fullyConnected(h, m.fc2.w, 4, m.fc2.b, -q.h.zp, (acc) => requantize(acc, m2, q.y.zp)),
      );
    });
    expect(compiledRun(m.bytes, 'mlp-int8.tflite', inputs)).toEqual(want);
  });

  it("[I-12] ADD computes what TFLite Micro's int8 ADD computes (left shift 20, scales over twice the larger)", () => {
    const m = int8Add();
    const q = ADD_Q;
    const inputs = randomInputs(30, 6, 5);
    // reference/add.h with ComputeQuantizedAddParams (add.cc): double arithmetic on the float32 scales.
    const twiceMax = 2 * Math.max(q.a.scale, q.b.scale);
    const [m1, s1] = quantizeMultiplier(q.a.scale / twiceMax);
    const [m2, s2] = quantizeMultiplier(q.b.scale / twiceMax);
    const [mo, so] = quantizeMultiplier(twiceMax / (2 ** 20 * q.s.scale));
    const want = inputs.map((x) => {
      const fc = (l: typeof m.fa, out: Q) =>
        fullyConnected(x, l.w, 4, l.b, -q.x.zp, (acc) =>
          requantize(acc, Math.fround(q.x.scale * (l.s[0] as number)) / out.scale, out.zp),
        );
      const a = fc(m.fa, q.a);
      const b = fc(m.fb, q.b);
      return Int8Array.from(a, (va, i) => {
        const sum =
          mbqm((va - q.a.zp) * 2 ** 20, m1, s1) + mbqm(((b[i] as number) - q.b.zp) * 2 ** 20, m2, s2);
        return Math.min(127, Math.max(-128, q.s.zp + mbqm(sum, mo, so)));
      });
    });
    expect(compiledRun(m.bytes, 'add-int8.tflite', inputs)).toEqual(want);
  });

  it('[I-13] SOFTMAX keeps its fixed output quantization, and the notes say it is not bit-exact', () => {
    const ok = importTflite({ name: 'sm.tflite', bytes: int8Softmax({ scale: 1 / 256, zp: -128 }).bytes });
    expect(ok.notes.some((n) => n.startsWith('Not bit-exact with TFLite Micro: SOFTMAX'))).toBe(true);
    const out = compiledRun(
      int8Softmax({ scale: 1 / 256, zp: -128 }).bytes,
      'sm.tflite',
      randomInputs(3, 6, 1),
    );
    out.forEach((y) => expect(y.reduce((a, b) => a + b + 128, 0)).toBeGreaterThan(250));
    expect(() =>
      importTflite({ name: 'sm.tflite', bytes: int8Softmax({ scale: 1 / 255, zp: -128 }).bytes }),
    ).toThrow(/operator 1 \(SOFTMAX.*scale 0\.0039215/);
  });
});
