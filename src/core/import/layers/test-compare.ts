/**
 * Test support: runs an imported model in Minnow (float path, and int8 compiled to a blob and run by the
 * reference interpreter) and tfjs's own model on the same inputs.
 */
import * as tf from '@tensorflow/tfjs';
import { compileModel } from '../../blob/compile.ts';
import { readBlob } from '../../blob/reader.ts';
import { analyzeModel } from '../../model/analyze.ts';
import type { AnalyzedModel } from '../../model/types.ts';
import { lowerModel } from '../../plan/index.ts';
import { dequantize, quantizeTensor } from '../../quant/calibrate.ts';
import { floatModel, runFloat } from '../../quant/float-run.ts';
import { prepare, run } from '../../reference/interpreter.ts';
import { createRandom } from '../../random.ts';
import type { ImportedModel } from '../types.ts';

export function uniform(count: number, size: number, seed: number, lo = -1, hi = 1): Float32Array[] {
  const rnd = createRandom(seed);
  return Array.from({ length: count }, () =>
    Float32Array.from({ length: size }, () => lo + (hi - lo) * rnd.float()),
  );
}

/** tfjs's outputs for each sample (batch of one each, so no batching effects). */
export function tfjsOutputs(model: tf.LayersModel, samples: readonly Float32Array[]): Float32Array[] {
  const shape = (model.inputs[0]?.shape ?? []).slice(1) as number[];
  return samples.map((x) =>
    tf.tidy(() => (model.predict(tf.tensor(x, [1, ...shape])) as tf.Tensor).dataSync() as Float32Array),
  );
}

/** Minnow's float run of the imported model (what calibration computes). */
export function floatOutputs(imported: ImportedModel, samples: readonly Float32Array[]): Float32Array[] {
  const model = analyzeModel(imported.model);
  const float = floatModel(model, lowerModel(model), imported.weights);
  return samples.map((x) => runFloat(float, x)[float.graph.outputTensor] as Float32Array);
}

/** The imported model compiled to int8 (calibrated on `calibration`) and run by the reference interpreter. */
export function int8Outputs(
  imported: ImportedModel,
  calibration: readonly Float32Array[],
  samples: readonly Float32Array[],
): { outputs: Float32Array[]; step: number; model: AnalyzedModel } {
  const model = analyzeModel(imported.model);
  const compiled = compileModel(model, imported.weights, { calibration: [...calibration] });
  const program = prepare(readBlob(compiled.blob));
  const outputs = samples.map((x) => {
    const arena = new Uint8Array(compiled.plan.arenaBytes);
    return dequantize(run(program, quantizeTensor(x, compiled.input), arena), compiled.output);
  });
  return { outputs, step: compiled.output.scale, model };
}

export function maxDiff(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let worst = 0;
  a.forEach((x, i) =>
    x.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - ((b[i] as Float32Array)[j] as number))))),
  );
  return worst;
}

/**
 * Sets every weight of a tfjs model from a seeded generator (tfjs's initializers are unseeded), kernels in
 * ±1/√fan-in and BatchNormalization statistics away from the identity, so every test run sees the same model.
 */
export function seedWeights(model: tf.LayersModel, seed: number): void {
  let k = seed;
  for (const layer of model.layers) {
    const values = layer.weights.map((w) => {
      const size = w.shape.reduce((a: number, b) => a * (b ?? 1), 1);
      const fanIn = w.shape.length > 1 ? size / (w.shape.at(-1) ?? 1) : 4;
      const variance = w.originalName.endsWith('variance');
      const [lo, hi] = variance ? [0.5, 1.5] : [-1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)];
      return tf.tensor(uniform(1, size, k++, lo, hi)[0] as Float32Array, w.shape as number[]);
    });
    if (values.length > 0) layer.setWeights(values);
  }
}
