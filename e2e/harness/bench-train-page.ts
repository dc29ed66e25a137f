/**
 * The training benchmark's page (driven by scripts/bench-train.ts): the same model trained by the worker
 * and by a plain tfjs `fit` on the page, on the same backend, data and settings; and full training runs
 * scored in float and int8.
 */
import * as tf from '@tensorflow/tfjs';
import { analyzeModel } from '../../src/core/model/analyze.ts';
import type { ModelSpec } from '../../src/core/model/types.ts';
import { chooseBackend, type BackendName } from '../../src/train/backend.ts';
import { buildModel } from '../../src/train/build/build-model.ts';
import { loadMnist } from '../../src/train/datasets/mnist-load.ts';
import { compileModel } from '../../src/train/session/compile.ts';
import { TrainingData } from '../../src/train/session/data-state.ts';
import { lossKind } from '../../src/train/session/output.ts';
import { defaultSettings, parseSettings } from '../../src/train/session/settings.ts';
import { startTrainingWorker } from '../../src/train/worker/client.ts';
import lenet from '../../examples/lenet.json';
import mnistMlp from '../../examples/mnist-mlp.json';

const MODELS: Record<string, ModelSpec> = { 'mnist-mlp': mnistMlp as ModelSpec, lenet: lenet as ModelSpec };

export interface ThroughputOptions {
  readonly model: string;
  readonly epochs: number;
  readonly batchSize: number;
  readonly backend?: BackendName;
}

/** Samples per second over every epoch after the first (which pays for shader compiles and warm-up). */
function rate(epochEnds: readonly number[], samplesPerEpoch: number): number {
  const first = epochEnds[0] ?? 0;
  const last = epochEnds.at(-1) ?? 0;
  return ((epochEnds.length - 1) * samplesPerEpoch * 1000) / Math.max(1, last - first);
}

async function workerRate(o: ThroughputOptions): Promise<{ backend: BackendName; samplesPerSecond: number }> {
  const client = startTrainingWorker();
  try {
    const ready = await client.call('init', {
      model: MODELS[o.model] as ModelSpec,
      ...(o.backend ? { backend: o.backend } : {}),
    });
    const summary = await client.call('loadData', { source: { kind: 'mnist' } });
    const ends: number[] = [];
    client.onEvent((e) => e.type === 'epoch' && ends.push(performance.now()));
    await client.call('train', {
      settings: { epochs: o.epochs, batchSize: o.batchSize, validationSplit: 0.2 },
    });
    return {
      backend: ready.backend.name,
      samplesPerSecond: rate(ends, summary.count - Math.round(summary.count * 0.2)),
    };
  } finally {
    client.dispose();
  }
}

async function plainRate(o: ThroughputOptions, backend: BackendName): Promise<number> {
  const model = analyzeModel(MODELS[o.model]);
  await chooseBackend(model, backend);
  const data = new TrainingData(await loadMnist(model.inputShape), { issues: [], issueCount: 0, notes: [] });
  const settings = parseSettings(
    { epochs: o.epochs, batchSize: o.batchSize, validationSplit: 0.2 },
    defaultSettings(model),
  );
  const built = buildModel(model);
  compileModel(built.model, lossKind(model, 'classes'), settings);
  const t = data.tensorsFor(settings.validationSplit, settings.seed, 10);
  const ends: number[] = [];
  await built.model.fit(t.x, t.y, {
    epochs: o.epochs,
    batchSize: o.batchSize,
    shuffle: true,
    validationData: [t.xVal, t.yVal],
    verbose: 0,
    callbacks: { onEpochEnd: () => void ends.push(performance.now()) },
  });
  const samples = t.x.shape[0] ?? 0;
  data.dispose();
  built.model.dispose();
  return rate(ends, samples);
}

async function throughput(o: ThroughputOptions) {
  const worker = await workerRate(o);
  const plain = await plainRate(o, worker.backend);
  return { backend: worker.backend, worker: worker.samplesPerSecond, plain, tfBackend: tf.getBackend() };
}

/** A full run with the template's default settings, then int8 scored on the validation set. */
async function accuracy(o: { model: string; epochs?: number; backend?: BackendName }) {
  const client = startTrainingWorker();
  try {
    const started = performance.now();
    const ready = await client.call('init', {
      model: MODELS[o.model] as ModelSpec,
      ...(o.backend ? { backend: o.backend } : {}),
    });
    await client.call('loadData', { source: { kind: 'mnist' } });
    const result = await client.call('train', { settings: o.epochs ? { epochs: o.epochs } : {} });
    const trainedAt = performance.now();
    const report = await client.call('quantize', {});
    return {
      backend: ready.backend.name,
      epochs: result.epochsDone,
      trainSeconds: (trainedAt - started) / 1000,
      quantizeSeconds: (performance.now() - trainedAt) / 1000,
      samples: report.samples,
      float: report.float,
      int8: report.int8,
      agreement: report.agreement,
      worstLayer: report.worstLayer,
    };
  } finally {
    client.dispose();
  }
}

declare global {
  interface Window {
    minnowBench?: { throughput: typeof throughput; accuracy: typeof accuracy };
  }
}

window.minnowBench = { throughput, accuracy };
