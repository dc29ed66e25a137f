import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import type { LayerSpec, ModelSpec } from '../model/types.ts';
import { lowerModel } from '../plan/index.ts';
import { quantizeMultiplier } from './fixed-point.ts';
import { channelParams } from './float-weights.ts';
import { randomWeights } from './random-weights.ts';
import { quantizeChannels } from './weights.ts';

function model(input: number[], ...layers: LayerSpec[]) {
  const spec: ModelSpec = { format: 'minnow-model', version: 1, name: 'w', input: { shape: input }, layers };
  const analyzed = analyzeModel(spec);
  return { analyzed, graph: lowerModel(analyzed) };
}

describe('weight quantization [F-71]', () => {
  it('quantizes a Dense per output channel, symmetric, with int32 bias and multipliers (by hand)', () => {
    const { graph } = model([2], { id: 'd', type: 'Dense', units: 2 });
    // tfjs layout [in, units]: column 0 is channel 0.
    const weights = { d: { kernel: Float32Array.of(0.5, -2, 0.25, 1), bias: Float32Array.of(0.1, -0.2) } };
    const p = channelParams(graph.steps[0]!, weights);
    expect([...p.weights]).toEqual([0.5, 0.25, -2, 1]);
    const q = quantizeChannels(p, 0.1, 0.05, 2, 'd');
    expect([...q.weights]).toEqual([127, 64, -127, 64]);
    expect([...q.bias]).toEqual([254, -127]);
    const m0 = quantizeMultiplier((0.1 * (0.5 / 127)) / 0.05);
    expect([q.requant[0], q.requant[1]]).toEqual([m0.multiplier, m0.shift]);
  });

  it('keeps a zero channel at zero and clamps the bias to the accumulator bound (F-43)', () => {
    const { graph } = model([2], { id: 'd', type: 'Dense', units: 2 });
    const p = channelParams(graph.steps[0]!, {
      d: { kernel: Float32Array.of(0, 1, 0, 1), bias: Float32Array.of(1e9, 0) },
    });
    const q = quantizeChannels(p, 1e-6, 1, 2, 'd');
    expect([...q.weights.slice(0, 2)]).toEqual([0, 0]);
    expect(q.bias[0]).toBe(2 ** 31 - 1 - 32640 * 2);
  });

  it('lays Conv2D out [F, kh, kw, C] and keeps depthwise [kh, kw, C·M] with channel o = c·M + m', () => {
    const { graph } = model([3, 3, 2], {
      id: 'c',
      type: 'Conv2D',
      filters: 3,
      kernelSize: [1, 2],
      useBias: false,
    });
    // tfjs [kh=1, kw=2, C=2, F=3]: value = 100·kw + 10·c + f.
    const kernel = Float32Array.from(
      { length: 12 },
      (_, i) => 100 * Math.floor(i / 6) + 10 * (Math.floor(i / 3) % 2) + (i % 3),
    );
    const p = channelParams(graph.steps[0]!, { c: { kernel } });
    expect(p.shape).toEqual([3, 1, 2, 2]);
    expect([...p.weights.slice(0, 4)]).toEqual([0, 10, 100, 110]);
    expect([...p.bias]).toEqual([0, 0, 0]);
    const dw = model([3, 3, 2], { id: 'c', type: 'DepthwiseConv2D', kernelSize: 1, depthMultiplier: 2 });
    const dp = channelParams(dw.graph.steps[0]!, {
      c: { depthwise_kernel: Float32Array.of(1, 2, 3, 4), bias: new Float32Array(4) },
    });
    expect(dp.shape).toEqual([1, 1, 4]);
    expect([0, 1, 2, 3].map(dp.channelOf)).toEqual([0, 1, 2, 3]);
  });

  it('folds a following BatchNormalization into the kernel and bias', () => {
    const { graph } = model(
      [1],
      { id: 'd', type: 'Dense', units: 1 },
      { id: 'bn', type: 'BatchNormalization', epsilon: 0.5 },
    );
    const weights = {
      d: { kernel: Float32Array.of(2), bias: Float32Array.of(1) },
      bn: {
        gamma: Float32Array.of(3),
        beta: Float32Array.of(0.5),
        moving_mean: Float32Array.of(1),
        moving_variance: Float32Array.of(3.5),
      },
    };
    const p = channelParams(graph.steps[0]!, weights);
    // y = 3·(2x + 1 − 1)/2 + 0.5 = 3x + 0.5
    expect([p.weights[0], p.bias[0]]).toEqual([3, 0.5]);
  });

  it('refuses missing, mis-sized and non-finite weights with codes 620–622', () => {
    const { graph } = model([2], { id: 'd', type: 'Dense', units: 2 });
    const step = graph.steps[0]!;
    expect(() => channelParams(step, {})).toThrow(
      expect.objectContaining({ id: 'WEIGHTS_MISSING', layerId: 'd' }),
    );
    expect(() =>
      channelParams(step, { d: { kernel: new Float32Array(3), bias: new Float32Array(2) } }),
    ).toThrow(expect.objectContaining({ id: 'WEIGHTS_SHAPE' }));
    expect(() =>
      channelParams(step, { d: { kernel: Float32Array.of(0, NaN, 0, 0), bias: new Float32Array(2) } }),
    ).toThrow(expect.objectContaining({ id: 'WEIGHTS_NOT_FINITE' }));
  });

  it('draws the same random weights from the same seed, within the Glorot limit', () => {
    const { analyzed } = model([784], { id: 'd', type: 'Dense', units: 100 });
    const a = randomWeights(analyzed, 1).d?.kernel as Float32Array;
    expect(a).toEqual(randomWeights(analyzed, 1).d?.kernel);
    expect(a).not.toEqual(randomWeights(analyzed, 2).d?.kernel);
    const limit = Math.sqrt(6 / (784 + 100));
    expect(Math.max(...a.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...a.map(Math.abs))).toBeGreaterThan(0.99 * limit);
  });
});
