/**
 * What a project keeps of its last training run (docs/PROJECT.md, PT-…): enough to show the run again after
 * a reload and to calibrate the board's int8 model, without the data set itself. The shapes match what the
 * training worker reports (src/train), so its values are stored as they come.
 */

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
export interface SavedDataset {
  readonly name: string;
  readonly count: number;
  readonly sampleShape: readonly number[];
  readonly task: 'classes' | 'values';
  readonly classNames: readonly string[];
  readonly classCounts: readonly number[];
}

export interface SavedLayerError {
  readonly layerId: string;
  readonly type: string;
  readonly error: number;
  readonly added: number;
}

/** The int8 report (src/train/quantize/evaluate.ts QuantReport), as the Train tab shows it. */
export interface SavedQuantReport {
  readonly task: 'classes' | 'values';
  readonly samples: number;
  readonly calibrationSamples: number;
  readonly float: number;
  readonly int8: number;
  readonly agreement: number | null;
  readonly classNames: readonly string[];
  readonly confusion: readonly (readonly number[])[];
  readonly floatConfusion: readonly (readonly number[])[];
  readonly layers: readonly SavedLayerError[];
  readonly worstLayer: string | null;
  readonly blobBytes: number;
  readonly arenaBytes: number;
}

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
