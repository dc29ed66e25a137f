import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../blob/compile.ts';
import { readBlob } from '../../blob/reader.ts';
import type { MinnowError } from '../../errors.ts';
import { analyzeModel } from '../../model/analyze.ts';
import { quantizeTensor } from '../../quant/calibrate.ts';
import type { ExactQuant } from '../../quant/exact.ts';
import { prepare, run } from '../../reference/interpreter.ts';
import { buildModel } from '../../../train/build/build-model.ts';
import { loadWeights } from '../../../train/build/weights.ts';
import { importTflite } from './index.ts';
import { int8MlpFloatIo } from './test-int8.ts';
import { floatCnn } from './test-models.ts';

describe('an imported model through the compiler', () => {
  it('[I-7] a float import calibrates and runs on the reference interpreter close to tfjs', () => {
    const imported = importTflite({ name: 'cnn.tflite', bytes: floatCnn().bytes });
    const model = analyzeModel(imported.model);
    const samples = Array.from({ length: 16 }, (_, s) =>
      Float32Array.from({ length: 128 }, (_, i) => Math.sin(0.3 * i + s)),
    );
    const compiled = compileModel(model, imported.weights, { calibration: samples });
    const program = prepare(readBlob(compiled.blob));
    const built = buildModel(model);
    loadWeights(built, imported.weights);
    for (const x of samples.slice(0, 4)) {
      const y = run(program, quantizeTensor(x, compiled.input), new Uint8Array(compiled.plan.arenaBytes));
      const got = Array.from(y, (q) => compiled.output.scale * (q - compiled.output.zeroPoint));
      const want = tf.tidy(() => (built.model.predict(tf.tensor(x, [1, 8, 8, 2])) as tf.Tensor).dataSync());
      // Sigmoid outputs in steps of 1/256: within a few steps of float.
      got.forEach((v, i) => expect(Math.abs(v - (want[i] as number))).toBeLessThan(0.03));
    }
  });

  it('[I-11] a resized layer no longer fits its kept int8 quantization: E685 names it', () => {
    const imported = importTflite({ name: 'mlp8.tflite', bytes: int8MlpFloatIo().bytes });
    const layers = imported.model.layers.map((l) => (l.id === 'dense_1' ? { ...l, units: 7 } : l));
    const model = analyzeModel({ ...imported.model, layers });
    const weights = {
      ...imported.weights,
      dense_1: { kernel: new Float32Array(70), bias: new Float32Array(7) },
      dense_2: { kernel: new Float32Array(28), bias: new Float32Array(4) },
    };
    try {
      compileModel(model, weights, { calibration: [], exact: imported.quantization as ExactQuant });
      expect.unreachable();
    } catch (e) {
      expect((e as MinnowError).code).toBe(685);
      expect((e as MinnowError).layerId).toBe('dense_1');
    }
  });
});
