import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import { planModel } from '../../core/plan/index.ts';
import { channelParams } from '../../core/quant/float-weights.ts';
import { channelLevels, type WeightPacking } from '../../core/quant/packing.ts';
import { randomWeights } from '../../core/quant/random-weights.ts';
import { tf } from '../test-tfjs.ts';
import { fakeQuantize } from './fake-quant.ts';

const PACKINGS: readonly WeightPacking[] = ['int8', 'int4', 'ternary'];

/** A Dense kernel [3 inputs, 2 outputs] in tfjs layout, channel = i mod 2, with exact binary fractions. */
const KERNEL = [0.875, 1, 0.1875, -0.5, -0.3125, 0.25];

describe('fake quantization forward pass', () => {
  it('int4: ±7 levels of max|w|/7 per output channel, ties rounded away from zero', () => {
    // Channel 0 {0.875, 0.1875, −0.3125}: step 0.125, 1.5 → 2 and −2.5 → −3 (not to even).
    const out = fakeQuantize('int4', tf.tensor(KERNEL, [3, 2]), 2).dataSync();
    // Channel 1 {1, −0.5, 0.25}: step 1/7, −3.5 → −4 and 1.75 → 2.
    expect(Array.from(out)).toEqual([0.875, 1, 0.25, Math.fround(-4 / 7), -0.375, Math.fround(2 / 7)]);
  });

  it('ternary: ±1 above 0.7·mean|w|, scaled by the mean of the kept magnitudes', () => {
    // Channel 0: mean 0.4583, threshold 0.3208 → keeps 0.875 only. Channel 1: mean 0.5833, threshold
    // 0.4083 → keeps 1 and −0.5, scale 0.75.
    const out = fakeQuantize('ternary', tf.tensor(KERNEL, [3, 2]), 2).dataSync();
    expect(Array.from(out)).toEqual([0.875, 0.75, 0, -0.75, 0, 0]);
  });

  it('int8: ±127 levels of max|w|/127 per output channel', () => {
    const out = fakeQuantize('int8', tf.tensor([0.5, -0.25, 0.001, 0.125], [4, 1]), 1).dataSync();
    const step = 0.5 / 127;
    expect(Array.from(out)).toEqual([127, -64, 0, 32].map((l) => Math.fround(l * step)));
  });

  // The compiler quantizes its own channels-first copy of each kernel (Dense [U, I], Conv2D [F, kh, kw, C],
  // depthwise [kh, kw, C·M]); the grid must be the same whichever layout it is computed in.
  const model = analyzeModel({
    format: 'minnow-model',
    version: 1,
    name: 'layouts',
    input: { shape: [6, 6, 2] },
    layers: [
      { id: 'conv', type: 'Conv2D', filters: 3, kernelSize: 3 },
      { id: 'dw', type: 'DepthwiseConv2D', kernelSize: 2, depthMultiplier: 2 },
      { id: 'flat', type: 'Flatten' },
      { id: 'fc', type: 'Dense', units: 5 },
    ],
  });
  const weights = randomWeights(model, 7);
  for (const packing of PACKINGS) {
    it(`${packing}: equals level × scale of the compiler's per-channel quantizer on every layer`, () => {
      const steps = planModel(model).graph.steps.filter((s) => s.layer.weights.length > 0);
      expect(steps.map((s) => s.op)).toEqual(['Conv2D', 'DepthwiseConv2D', 'Dense']);
      for (const step of steps) {
        const p = channelParams(step, weights);
        const { levels, scales } = channelLevels(packing, p.weights, p.channels, p.channelOf);
        const compiled = Float32Array.from(levels, (l, i) => l * (scales[p.channelOf(i)] as number));
        const spec = step.layer.weights[0] as { name: string; shape: readonly number[] };
        const kernel = weights[step.layer.id]?.[spec.name] as Float32Array;
        const out = fakeQuantize(packing, tf.tensor(kernel, [...spec.shape]), p.channels).dataSync();
        // Back to the compiler's layout: tfjs keeps the channel last, the compiler first (not depthwise).
        const per = kernel.length / p.channels;
        const inCompilerOrder =
          step.op === 'DepthwiseConv2D'
            ? Array.from(out)
            : Array.from(compiled, (_, i) => out[(i % per) * p.channels + Math.floor(i / per)] as number);
        expect(inCompilerOrder, step.op).toEqual(Array.from(compiled));
      }
    });
  }
});

describe('straight-through gradient', () => {
  for (const packing of PACKINGS) {
    it(`${packing}: the upstream gradient reaches every float weight unchanged`, () => {
      const kernel = tf.tensor(KERNEL, [3, 2]);
      const upstream = tf.tensor([0.5, -2, 3, 0.25, -1, 4], [3, 2]);
      const grad = tf.grad((x: tf.Tensor) => fakeQuantize(packing, x, 2).mul(upstream).sum())(kernel);
      // Zeroed ternary weights included: they must keep learning to cross the threshold.
      expect(Array.from(grad.dataSync())).toEqual(Array.from(upstream.dataSync()));
    });
  }
});
