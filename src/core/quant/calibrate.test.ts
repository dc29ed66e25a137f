import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import type { ModelSpec } from '../model/types.ts';
import { lowerModel } from '../plan/index.ts';
import { calibrate, dequantize, quantFromRange, quantizeTensor, roundHalfAway } from './calibrate.ts';
import { floatModel } from './float-run.ts';
import { randomWeights } from './random-weights.ts';

const PICK_FIRST: ModelSpec = {
  format: 'minnow-model',
  version: 1,
  name: 'pick',
  input: { shape: [4] },
  layers: [{ id: 'd', type: 'Dense', units: 1 }],
};

describe('activation calibration [F-70]', () => {
  it('makes 0 exact and spends all 256 levels on the widened range', () => {
    expect(quantFromRange({ min: 0, max: 1 })).toEqual({ scale: Math.fround(1 / 255), zeroPoint: -128 });
    expect(quantFromRange({ min: 0.5, max: 2.55 })).toEqual({ scale: Math.fround(0.01), zeroPoint: -128 });
    expect(quantFromRange({ min: -2.55, max: -1 })).toEqual({ scale: Math.fround(0.01), zeroPoint: 127 });
    const q = quantFromRange({ min: -1, max: 3 });
    expect(q.zeroPoint).toBe(roundHalfAway(-128 + 255 / 4));
    expect(dequantize(Int8Array.of(q.zeroPoint), q)[0]).toBe(0);
    expect(quantFromRange({ min: 0, max: 0 })).toEqual({ scale: Math.fround(1 / 255), zeroPoint: -128 });
  });

  it('rounds half away from zero and saturates', () => {
    expect([roundHalfAway(2.5), roundHalfAway(-2.5), roundHalfAway(-0.2), roundHalfAway(0.49)]).toEqual([
      3, -3, 0, 0,
    ]);
    const q = { scale: 0.5, zeroPoint: 10 };
    expect([...quantizeTensor(Float32Array.of(0, 1.25, -1.25, 1000, -1000), q)]).toEqual([
      10, 13, 7, 127, -128,
    ]);
  });

  it('takes min/max, or percentiles that clip a rare outlier', () => {
    const model = analyzeModel(PICK_FIRST);
    const weights = { d: { kernel: Float32Array.of(1, 0, 0, 0), bias: Float32Array.of(0) } };
    const float = floatModel(model, lowerModel(model), weights);
    const samples = Array.from({ length: 1000 }, (_, i) =>
      Float32Array.of(i === 500 ? 100 : i / 1000, 0, 0, 0),
    );
    const out = float.graph.outputTensor;
    expect(calibrate(float, samples)[out]).toEqual({ min: 0, max: 100 });
    const clipped = calibrate(float, samples, { method: 'percentile', percentile: 99.8 })[out];
    expect(clipped?.max).toBeCloseTo(0.998, 5);
    expect(clipped?.min).toBeCloseTo(0.002, 5);
  });

  it('refuses calibration samples of the wrong size or with NaN (E623)', () => {
    const model = analyzeModel(PICK_FIRST);
    const float = floatModel(model, lowerModel(model), randomWeights(model, 1));
    expect(() => calibrate(float, [])).toThrow(expect.objectContaining({ id: 'CALIBRATION_DATA' }));
    expect(() => calibrate(float, [new Float32Array(3)])).toThrow(
      expect.objectContaining({ id: 'CALIBRATION_DATA' }),
    );
    expect(() => calibrate(float, [Float32Array.of(0, NaN, 0, 0)])).toThrow(
      expect.objectContaining({ id: 'CALIBRATION_DATA' }),
    );
  });
});
