import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { MinnowError } from '../../core/errors.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import type { DataLoaders } from '../datasets/load.ts';
import { mnistDataset } from '../datasets/mnist.ts';
import { subset } from '../datasets/split.ts';
import '../test-tfjs.ts';
import { TrainingClient, type ClientPort } from './client.ts';
import type { WorkerEvent } from './protocol.ts';
import { serveSession, type ServerPort } from './serve.ts';

const require = createRequire(import.meta.url);
const examples = (name: string) =>
  JSON.parse(readFileSync(require.resolve(`../../../examples/${name}.json`), 'utf8')) as ModelSpec;

/** 1,000 real digits (a spread of every class) keep a Node test to seconds. */
const loaders: DataLoaders = {
  mnist: async (shape) => {
    const digits = Array.from({ length: 10 }, (_, d) => {
      const file = require.resolve(`mnist/src/digits/${d}.json`);
      return (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data;
    });
    const all = mnistDataset(digits, shape);
    return subset(
      all,
      Int32Array.from({ length: 1000 }, (_, i) => Math.floor((i * all.count) / 1000)),
    );
  },
  images: () => Promise.reject(new Error('no images in Node')),
};

let client: TrainingClient | undefined;
let events: WorkerEvent[] = [];

/** A client and a session joined by a real MessageChannel, so every message is structured-cloned. */
function connect(): TrainingClient {
  const { port1, port2 } = new MessageChannel();
  serveSession(port2 as unknown as ServerPort, loaders);
  port2.start();
  port1.start();
  client = new TrainingClient(port1 as unknown as ClientPort);
  events = [];
  client.onEvent((e) => events.push(e));
  return client;
}

afterEach(() => client?.dispose());

async function rejection(promise: Promise<unknown>): Promise<MinnowError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MinnowError);
  return error as MinnowError;
}

describe('the training session over a message channel', () => {
  it('trains the MNIST MLP, reports batches and epochs, then quantizes with int8 close to float', async () => {
    const c = connect();
    const ready = await c.call('init', { model: examples('mnist-mlp') });
    expect(ready.backend.name).toBe('cpu');
    expect(ready.params).toBe(79_510);
    const summary = await c.call('loadData', { source: { kind: 'mnist' } });
    expect(summary.count).toBe(1000);
    expect(summary.classCounts.every((n) => n > 70)).toBe(true);
    const result = await c.call('train', { settings: { epochs: 2, batchSize: 16 } });
    expect(result.end).toBe('finished');
    expect(result.weights.fc1?.kernel?.length).toBe(78_400);
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(2);
    const last = epochs.at(-1);
    expect(last?.type === 'epoch' && last.metrics.valMetric).toBeGreaterThan(0.6);
    const batches = events.flatMap((e) => (e.type === 'batch' ? [e.metrics] : []));
    // Every batch of both epochs, in order.
    expect(batches.map((b) => b.epoch * 50 + b.batch)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(batches[0]?.batchesPerEpoch).toBe(800 / 16);
    const report = await c.call('quantize', { calibration: 100 });
    expect(report.samples).toBe(200);
    expect(Math.abs(report.int8 - report.float)).toBeLessThan(0.03);
    expect(report.confusion.flat().reduce((a, b) => a + b, 0)).toBe(200);
    expect(report.layers.map((l) => l.layerId)).toEqual(['fc1', 'out']);
    const sample = await c.call('sample', { index: 0 });
    expect(sample.int8).toHaveLength(10);
    expect(sample.float).toHaveLength(10);
  });

  it('pauses, resumes and stops a run, and continues from where it stopped', async () => {
    const c = connect();
    await c.call('init', { model: examples('sine') });
    await c.call('loadData', { source: { kind: 'sine', count: 400 } });
    const run = c.call('train', {
      settings: { epochs: 500, earlyStopping: { enabled: false, patience: 1, minDelta: 0 } },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await c.call('pause', {});
    const batches = () => events.filter((e) => e.type === 'batch').length;
    // Reads already under way may still arrive; then nothing more while paused.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seen = batches();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches()).toBe(seen);
    expect(events.filter((e) => e.type === 'state').map((e) => e.type === 'state' && e.state)).toEqual([
      'training',
      'paused',
    ]);
    await c.call('resume', {});
    await c.call('stop', {});
    const stopped = await run;
    expect(stopped.end).toBe('stopped');
    expect(stopped.epochsDone).toBeGreaterThan(0);
    const more = await c.call('train', { settings: { epochs: stopped.epochsDone + 2 }, resume: true });
    expect(more.epochsDone).toBe(stopped.epochsDone + 2);
    const report = await c.call('quantize', {});
    expect(report.task).toBe('values');
  });

  it('refuses out-of-order calls and bad data with catalog errors rebuilt on the page side', async () => {
    const c = connect();
    await c.call('init', { model: examples('mnist-mlp') });
    expect((await rejection(c.call('train', {}))).code).toBe(651);
    expect((await rejection(c.call('quantize', {}))).code).toBe(654);
    expect(
      (await rejection(c.call('loadData', { source: { kind: 'csv', name: 'x.csv', text: 'a,b\n' } }))).code,
    ).toBe(643);
    expect((await rejection(c.call('loadData', { source: { kind: 'sine' } }))).code).toBe(644);
    expect((await rejection(c.call('loadData', { source: { kind: 'gestures' } }))).code).toBe(644);
    expect((await rejection(c.call('predict', { input: new Float32Array(3) }))).code).toBe(656);
    const bad = await rejection(c.call('train', { settings: { batchSize: 0 } }));
    expect(bad.code).toBe(651);
    await c.call('loadData', { source: { kind: 'mnist' } });
    const settings = await rejection(c.call('train', { settings: { batchSize: 0 } }));
    expect(settings.code).toBe(650);
    expect(settings.message).toMatch(/batchSize/);
    expect((await rejection(c.call('sample', { index: 5000 }))).code).toBe(657);
    const stale = { fc1: { kernel: new Float32Array(5), bias: new Float32Array(100) } };
    const again = await c.call('init', { model: examples('mnist-mlp'), weights: stale });
    expect(again.trained).toBe(false);
    expect(again.weightsProblem).toMatch(/^E621/);
  });
});
