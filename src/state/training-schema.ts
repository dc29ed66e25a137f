import { z } from 'zod';
import {
  MAX_CALIBRATION_SAMPLES,
  MAX_CLASSES,
  MAX_CONFUSION_CLASSES,
  MAX_CURVE_POINTS,
} from './training-types.ts';

export const TRAINING_FORMAT = 'minnow-training';
export const TRAINING_VERSION = 1;

/** A value that may have been NaN or infinite (a diverged loss): written as null. */
const measure = z.number().nullable();
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = z.string().max(200);
const MAX_LAYERS = 1000;
const MAX_DIMS = 8;

const dataset = z.strictObject({
  name: text,
  count,
  sampleShape: z.array(z.number().int().min(1)).min(1).max(MAX_DIMS),
  task: z.enum(['classes', 'values']),
  classNames: z.array(z.string().max(64)).max(MAX_CLASSES),
  classCounts: z.array(count).max(MAX_CLASSES),
});

const epoch = z.strictObject({
  epoch: count,
  loss: measure,
  metric: measure,
  valLoss: measure,
  valMetric: measure,
});

const matrix = z.array(z.array(count).max(MAX_CONFUSION_CLASSES)).max(MAX_CONFUSION_CLASSES);

const report = z.strictObject({
  task: z.enum(['classes', 'values']),
  samples: count,
  calibrationSamples: count,
  float: measure,
  int8: measure,
  agreement: z.number().min(0).max(1).nullable(),
  classNames: z.array(z.string().max(64)).max(MAX_CLASSES),
  confusion: matrix,
  floatConfusion: matrix,
  layers: z
    .array(
      z.strictObject({
        layerId: z.string().max(64),
        type: z.string().max(64),
        error: measure,
        added: measure,
      }),
    )
    .max(MAX_LAYERS),
  worstLayer: z.string().max(64).nullable(),
  blobBytes: count,
  arenaBytes: count,
});

const calibration = z.strictObject({
  shape: z.array(z.number().int().min(1)).min(1).max(MAX_DIMS),
  count: z.number().int().min(1).max(MAX_CALIBRATION_SAMPLES),
  values: z.string(),
  labels: z.array(z.number().int().min(0).nullable()).max(MAX_CALIBRATION_SAMPLES),
});

/**
 * The `training` field of a project file, version 3 (docs/PROJECT.md, PT-1 … PT-6). Its arrays are bounded so
 * that a damaged or hostile file cannot make the app hold or draw millions of points; the calibration values
 * and the matching sizes are checked afterwards (training-file.ts).
 */
export const trainingSchema = z.strictObject({
  format: z.literal(TRAINING_FORMAT),
  version: z.literal(TRAINING_VERSION),
  model: z.string().regex(/^fnv1a:[0-9a-f]{16}$/, 'expected a model fingerprint'),
  savedAt: z.iso.datetime({ offset: true }),
  dataset: dataset.nullable(),
  epochs: z.array(epoch).max(MAX_CURVE_POINTS),
  batchesPerEpoch: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  batches: z.array(z.tuple([count, measure, measure])).max(MAX_CURVE_POINTS),
  result: z
    .strictObject({
      end: z.enum(['finished', 'stopped', 'early-stopped', 'diverged']),
      epochsDone: count,
      samplesPerSecond: z.number().min(0),
    })
    .nullable(),
  report: report.nullable(),
  calibration: calibration.nullable(),
});

export type TrainingFileShape = z.infer<typeof trainingSchema>;
