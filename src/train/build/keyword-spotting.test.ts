import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../core/blob/compile.ts';
import { readBlob } from '../../core/blob/reader.ts';
import { analyzeModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { quantizeTensor } from '../../core/quant/calibrate.ts';
import { createRandom } from '../../core/random.ts';
import { prepare, run } from '../../core/reference/interpreter.ts';
import { tf } from '../test-tfjs.ts';
import { buildModel } from './build-model.ts';
import { extractWeights } from './weights.ts';

const spec = JSON.parse(
  readFileSync(new URL('../../../examples/keyword-spotting.json', import.meta.url), 'utf8'),
) as ModelSpec;

const RATE = 16000;
const CLASSES = ['background', 'low tone', 'high tone', 'click'];

/**
 * One synthetic 1 s clip of a class, as the microphone capture delivers them (int16 / 32768 in [−1, 1)):
 * quiet noise; a tone near 400 Hz or near 2.5 kHz at a random pitch, loudness and start; short clicks.
 */
function clip(label: number, rnd: ReturnType<typeof createRandom>): Float32Array {
  const hz = label === 1 ? 300 + 200 * rnd.float() : 2200 + 600 * rnd.float();
  const level = 0.1 + 0.4 * rnd.float();
  const start = Math.floor(rnd.float() * 6000);
  return Float32Array.from({ length: RATE }, (_, i) => {
    const floor = 0.005 * (2 * rnd.float() - 1);
    const on = i >= start && i < start + 8000;
    if (label === 0 || !on) return Math.round(floor * 32768) / 32768;
    const v =
      label === 3
        ? (i - start) % 2000 < 40
          ? level * (2 * rnd.float() - 1)
          : 0
        : level * Math.sin((2 * Math.PI * hz * i) / RATE);
    return Math.round(Math.max(-1, Math.min(32767 / 32768, v + floor)) * 32768) / 32768;
  });
}

function clips(count: number, seed: number) {
  const rnd = createRandom(seed);
  const labels = Array.from({ length: count }, (_, i) => i % CLASSES.length);
  return { x: labels.map((l) => clip(l, rnd)), labels };
}

const accuracy = (predicted: readonly number[], labels: readonly number[]) =>
  predicted.filter((p, i) => p === labels[i]).length / labels.length;

const argmax = (v: ArrayLike<number>) =>
  Array.from(v).reduce((b, x, i, a) => (x > (a[b] as number) ? i : b), 0);

describe('the keyword-spotting template', () => {
  it('learns tones, clicks and background from synthetic clips in a few epochs, and the int8 blob agrees', async () => {
    const model = analyzeModel(spec);
    const built = buildModel(model);
    built.model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy' });
    const train = clips(32, 1);
    const test = clips(16, 2);
    const batch = (set: typeof train) => ({
      x: tf.tensor2d(Float32Array.from(set.x.flatMap((c) => [...c])), [set.x.length, RATE]),
      y: tf.oneHot(tf.tensor1d(set.labels, 'int32'), CLASSES.length),
    });
    const predict = (set: typeof train) =>
      tf.tidy(() => {
        const { x } = batch(set);
        return Array.from((built.model.predict(x) as tf.Tensor).argMax(-1).dataSync());
      });
    const before = accuracy(predict(test), test.labels);
    const { x, y } = batch(train);
    await built.model.fit(x, y, { epochs: 10, batchSize: 8, verbose: 0, shuffle: true });
    tf.dispose([x, y]);
    const after = accuracy(predict(test), test.labels);
    expect(before).toBeLessThan(0.5);
    // Chance is 0.25; runs reach 0.85–1 (weights start unseeded, as in the app).
    expect(after).toBeGreaterThanOrEqual(0.75);

    // Compiled to the blob, the integer reference (what the board runs) classifies the held-out clips too.
    const compiled = compileModel(model, extractWeights(built), { calibration: train.x.slice(0, 8) });
    const program = prepare(readBlob(compiled.blob));
    const arena = new Uint8Array(compiled.plan.arenaBytes);
    const board = test.x.map((c) => argmax(run(program, quantizeTensor(c, compiled.input), arena)));
    expect(accuracy(board, predict(test))).toBeGreaterThanOrEqual(0.9);
    built.model.dispose();
  }, 120_000);
});
