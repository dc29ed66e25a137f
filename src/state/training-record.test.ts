import { describe, expect, it } from 'vitest';
import { modelFingerprint } from './model-fingerprint.ts';
import { TINY_MODEL, tinyRecord } from './test-training.ts';
import { applyTraining, boundCalibration, decimate } from './training-record.ts';

const AT = '2025-03-01T00:00:00.000Z';

describe('the training record', () => {
  it('[PT-2] fingerprints a model by its structure: not its name, not its key order', () => {
    const fp = modelFingerprint(TINY_MODEL);
    expect(fp).toMatch(/^fnv1a:[0-9a-f]{16}$/);
    expect(modelFingerprint({ ...TINY_MODEL, name: 'Renamed' })).toBe(fp);
    const reordered = JSON.parse(
      '{"layers":[{"type":"Flatten","id":"flat"},{"units":2,"activation":"softmax","type":"Dense","id":"out"}],' +
        '"input":{"shape":[2,2,1]},"name":"x","version":1,"format":"minnow-model"}',
    ) as typeof TINY_MODEL;
    expect(modelFingerprint(reordered)).toBe(fp);
    const wider = { ...TINY_MODEL, layers: [TINY_MODEL.layers[0]!, { ...TINY_MODEL.layers[1]!, units: 3 }] };
    expect(modelFingerprint(wider)).not.toBe(fp);
    expect(modelFingerprint({ ...TINY_MODEL, input: { shape: [4] } })).not.toBe(fp);
  });

  it('[PT-3] thins a curve evenly to at most 2,000 points, keeping the first and the last', () => {
    const points = Array.from({ length: 10_001 }, (_, i) => i);
    const kept = decimate(points);
    expect(kept).toHaveLength(2000);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(10_000);
    // Evenly: consecutive kept points are 5 apart (10,000 / 1,999 rounds to 5 or 6).
    expect(new Set(kept.slice(1).map((v, i) => v - (kept[i] as number)))).toEqual(new Set([5, 6]));
    expect(decimate([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('[PT-3] keeps at most 64 samples, of one size, finite, within 262,144 values', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ values: new Float32Array(4).fill(i), label: i }));
    expect(boundCalibration(many)).toHaveLength(64);
    const big = Array.from({ length: 10 }, () => ({ values: new Float32Array(100_000) }));
    expect(boundCalibration(big)).toHaveLength(2);
    const mixed = [
      { values: Float32Array.of(1, 2) },
      { values: Float32Array.of(1, 2, 3) },
      { values: Float32Array.of(NaN, 2) },
      { values: Float32Array.of(3, 4), label: -1 },
    ];
    expect(boundCalibration(mixed)).toEqual([
      { values: Float32Array.of(1, 2) },
      { values: Float32Array.of(3, 4) },
    ]);
  });

  it('[PT-5] a new run replaces the curves and drops the old int8 report; samples stay until new ones come', () => {
    const old = tinyRecord();
    const run = { ...old, epochs: [], batches: [{ step: 0, loss: 0.25, metric: 1 }] };
    const next = applyTraining(old, { model: old.model, run }, AT);
    expect(next.batches).toEqual(run.batches);
    expect(next.report).toBeNull();
    expect(next.calibration).toBe(old.calibration);
    expect(next.savedAt).toBe(AT);
    const withReport = applyTraining(next, { model: old.model, report: old.report }, AT);
    expect(withReport.report).toEqual(old.report);
    expect(withReport.batches).toBe(next.batches);
  });

  it('[PT-5] a patch from another model starts a new record', () => {
    const old = tinyRecord();
    const other = modelFingerprint({ ...TINY_MODEL, input: { shape: [4] } });
    const next = applyTraining(old, { model: other, calibration: [{ values: Float32Array.of(1) }] }, AT);
    expect(next.model).toBe(other);
    expect(next.report).toBeNull();
    expect(next.epochs).toEqual([]);
    expect(next.calibration).toHaveLength(1);
  });
});
