import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MinnowError } from '../../core/errors.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { createRandom } from '../../core/random.ts';
import { weightsMismatch } from '../../state/weights-fit.ts';
import type { DataLoaders } from '../datasets/load.ts';
import { englishText } from '../datasets/test-text.ts';
import '../test-tfjs.ts';
import type { WorkerEvent } from './protocol.ts';
import { TrainingSession } from './session.ts';

const charLm = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../examples/char-lm.json', import.meta.url)), 'utf8'),
) as ModelSpec;

/** 3 KB of sentences, cut into windows of 8 bytes, one every 2, so that two epochs take seconds. */
const TEXT = englishText(3000, 2);

describe('[D-6] [D-7] training the character model on pasted text', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lowers the loss in two epochs on its template settings; the int8 model predicts the next character as float does', async () => {
    // tfjs draws initial weights and the batch order from Math.random. Two epochs leave a weak model whose
    // top two characters are often close, so how often int8 and float agree varies from run to run (0.90
    // to 1.00 over nine unseeded runs): seeded, the run is the same every time.
    vi.spyOn(Math, 'random').mockImplementation(createRandom(0).float);
    const events: WorkerEvent[] = [];
    const session = new TrainingSession((e) => events.push(e), {} as DataLoaders);
    const ready = await session.init({ model: charLm });
    expect(ready.defaults).toMatchObject({ batchSize: 16, quantAware: true });
    const source = { kind: 'text', name: 'sentences.txt', text: TEXT, window: 8, stride: 2 } as const;
    const summary = await session.loadData({ source });
    // Windows start at bytes 0, 2 … 2990: the last one's label is byte 2998.
    expect(summary).toMatchObject({ count: 1496, sampleShape: [8], task: 'classes' });
    expect(summary.classNames[32]).toBe('␣');
    const result = await session.train({ settings: { epochs: 2 } });
    expect(result.end).toBe('finished');
    const batches = events.flatMap((e) => (e.type === 'batch' ? [e.metrics] : []));
    const epochs = events.flatMap((e) => (e.type === 'epoch' ? [e.metrics] : []));
    // Untrained, every byte is about as likely: ln 256 = 5.5. Letter and space frequencies alone bring it
    // near 3; words and sentence patterns further, after a few hundred steps.
    expect(batches[0]?.loss).toBeGreaterThan(5);
    expect(epochs).toHaveLength(2);
    expect(epochs[1]?.loss).toBeLessThan(epochs[0]?.loss ?? 0);
    expect(epochs[1]?.valLoss).toBeLessThan(3.3);
    // The weights the page keeps fit the one-token model it compiles for the board.
    expect(weightsMismatch(charLm, result.weights)).toBeNull();

    const report = await session.quantize({ evaluate: 300 });
    // Validation: the last 299 windows (20 %). Calibration: the 8 tokens of each of the first 200.
    expect(report).toMatchObject({ task: 'classes', samples: 299, calibrationSamples: 1600 });
    expect(report.classNames).toHaveLength(256);
    // Float is the model as it trained, on its ternary grid: what tfjs measured on the same windows.
    expect(report.float).toBeCloseTo(epochs[1]?.valMetric ?? 0, 5);
    // The board, one token per run from a cleared state, picks the character float picks.
    expect(Math.abs(report.int8 - report.float)).toBeLessThan(0.03);
    expect(report.agreement).toBeGreaterThan(0.9);
    expect(report.layers.map((l) => l.layerId)).toEqual(['embed', 'gru', 'logits']);
    for (const l of report.layers) expect(l.error, l.layerId).toBeLessThan(0.05);
    const sample = await session.sample({ index: 0 });
    expect(sample.int8).toHaveLength(256);
    // The first validation window is window 1496 − 299, at byte 2394; its label is 8 bytes on.
    expect(Array.from(sample.input)).toEqual(Array.from(TEXT.slice(2394, 2402), (c) => c.charCodeAt(0)));
    expect(sample.label).toBe(summary.classNames[TEXT.charCodeAt(2402)]);
  }, 120_000);

  it('refuses text for a model that does not read one token at a time, and garbage text', async () => {
    const session = new TrainingSession(() => {}, {} as DataLoaders);
    const mlp = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../../examples/mnist-mlp.json', import.meta.url)), 'utf8'),
    ) as ModelSpec;
    await session.init({ model: mlp });
    const text = { kind: 'text', name: 'a.txt', text: TEXT } as const;
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 0,
        (e: unknown) => (e as MinnowError).code,
      );
    expect(await code(session.loadData({ source: text }))).toBe(664);
    await session.init({ model: charLm });
    expect(await code(session.loadData({ source: { ...text, text: '   ' } }))).toBe(660);
    expect(await code(session.loadData({ source: { ...text, window: 0 } }))).toBe(663);
  });
});
