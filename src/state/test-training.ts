import { modelFingerprint } from './model-fingerprint.ts';
import type { ModelSpec } from '../core/model/types.ts';
import type { TrainingRecord } from './training-types.ts';

/** A small classifier and a record of a run on it, for tests. Values a Float32 holds exactly. */
export const TINY_MODEL: ModelSpec = {
  format: 'minnow-model',
  version: 1,
  name: 'Tiny',
  input: { shape: [2, 2, 1] },
  layers: [
    { id: 'flat', type: 'Flatten' },
    { id: 'out', type: 'Dense', units: 2, activation: 'softmax' },
  ],
};

export function tinyRecord(model: ModelSpec = TINY_MODEL): TrainingRecord {
  return {
    model: modelFingerprint(model),
    savedAt: '2025-01-02T10:30:00.000Z',
    dataset: {
      name: 'Dots',
      count: 40,
      sampleShape: [2, 2, 1],
      task: 'classes',
      classNames: ['no', 'yes'],
      classCounts: [25, 15],
    },
    epochs: [
      { epoch: 0, loss: 0.75, metric: 0.5, valLoss: 0.625, valMetric: 0.625 },
      { epoch: 1, loss: 0.5, metric: 0.75, valLoss: 0.375, valMetric: 0.875 },
    ],
    batches: [
      { step: 0, loss: 0.875, metric: 0.5 },
      { step: 1, loss: 0.625, metric: null },
      { step: 2, loss: 0.5, metric: 0.75 },
    ],
    batchesPerEpoch: 2,
    result: { end: 'finished', epochsDone: 2, samplesPerSecond: 1250 },
    report: {
      task: 'classes',
      samples: 8,
      calibrationSamples: 4,
      float: 0.875,
      int8: 0.75,
      agreement: 0.875,
      classNames: ['no', 'yes'],
      confusion: [
        [4, 1],
        [1, 2],
      ],
      floatConfusion: [
        [5, 0],
        [1, 2],
      ],
      layers: [{ layerId: 'out', type: 'Dense', error: 0.03125, added: 0.03125 }],
      worstLayer: 'out',
      blobBytes: 312,
      arenaBytes: 48,
    },
    calibration: [
      { values: Float32Array.of(0, 0.5, 1, 0.25), label: 1 },
      { values: Float32Array.of(1, 0, 0.75, -2) },
    ],
  };
}
