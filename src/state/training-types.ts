/**
 * What a project keeps of its last training run (docs/PROJECT.md, PT-…): enough to show the run again after
 * a reload and to calibrate the board's int8 model, without the data set itself. The shapes match what the
 * training worker reports (src/train), so its values are stored as they come.
 */

import type { DatasetSummary } from '../train/datasets/summary.ts';
import type { QuantReport } from '../train/quantize/evaluate.ts';

export type RunEnd = 'finished' | 'stopped' | 'early-stopped' | 'diverged';

export interface SavedEpoch {
  readonly epoch: number;
  readonly loss: number;
  readonly metric: number | null;
  readonly valLoss: number | null;
  readonly valMetric: number | null;
}

/** One point of the per-batch curve; `loss` is NaN where it was not finite (a diverged run). */
export interface SavedBatch {
  readonly step: number;
  readonly loss: number;
  readonly metric: number | null;
}

export interface SavedRunResult {
  readonly end: RunEnd;
  readonly epochsDone: number;
  readonly samplesPerSecond: number;
}

/** The data set a run used, without its samples. */
export type SavedDataset = Pick<
  DatasetSummary,
  'name' | 'count' | 'sampleShape' | 'task' | 'classNames' | 'classCounts'
>;

/** The int8 report as the Train tab shows it: what evaluate() measured. */
export type SavedQuantReport = QuantReport;

/** Samples of the training data the board's int8 model is calibrated on (and runs as checks). */
export interface CalibrationSample {
  readonly values: Float32Array;
  readonly label?: number;
}

export interface TrainingRecord {
  /** modelFingerprint() of the model the run trained; another fingerprint makes the record stale. */
  readonly model: string;
  /** When the record last changed (ISO 8601). */
  readonly savedAt: string;
  readonly dataset: SavedDataset | null;
  readonly epochs: readonly SavedEpoch[];
  /** At most MAX_CURVE_POINTS, evenly thinned from the run's batches. */
  readonly batches: readonly SavedBatch[];
  readonly batchesPerEpoch: number;
  readonly result: SavedRunResult | null;
  readonly report: SavedQuantReport | null;
  readonly calibration: readonly CalibrationSample[];
}

/** Points kept of each curve: enough for a chart a few hundred pixels wide, small in a project file. */
export const MAX_CURVE_POINTS = 2000;
/** Calibration samples kept, and the values they may hold in all (1 MB of Float32). */
export const MAX_CALIBRATION_SAMPLES = 64;
export const MAX_CALIBRATION_VALUES = 262_144;
/** Far above any classifier the app trains (a character model has 256 classes). */
export const MAX_CLASSES = 1024;
/** Confusion matrices are kept up to this many classes; the Train tab shows none above 20. */
export const MAX_CONFUSION_CLASSES = 64;
