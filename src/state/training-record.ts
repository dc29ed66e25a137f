import {
  MAX_CALIBRATION_SAMPLES,
  MAX_CALIBRATION_VALUES,
  MAX_CLASSES,
  MAX_CURVE_POINTS,
  type CalibrationSample,
  type SavedDataset,
  type SavedQuantReport,
  type TrainingRecord,
} from './training-types.ts';

/** What a finished run hands over: its curves, how it ended and the data it used. */
export type SavedRun = Pick<TrainingRecord, 'dataset' | 'epochs' | 'batches' | 'batchesPerEpoch' | 'result'>;

/** A change to a project's training record, from the run of the model with fingerprint `model`. */
export interface TrainingPatch {
  readonly model: string;
  readonly run?: SavedRun;
  readonly report?: SavedQuantReport | null;
  readonly calibration?: readonly CalibrationSample[];
}

/** At most `max` points, evenly spread over the whole run, always keeping the first and the last. */
export function decimate<T>(points: readonly T[], max = MAX_CURVE_POINTS): readonly T[] {
  if (points.length <= max) return points;
  const last = points.length - 1;
  return Array.from({ length: max }, (_, i) => points[Math.round((i * last) / (max - 1))] as T);
}

/**
 * The samples a project keeps to calibrate with (PT-3): the first ones of the same size as the first, with
 * finite values, at most MAX_CALIBRATION_SAMPLES and MAX_CALIBRATION_VALUES values in all.
 */
export function boundCalibration(samples: readonly CalibrationSample[]): CalibrationSample[] {
  const size = samples[0]?.values.length ?? 0;
  if (size === 0) return [];
  const fit = Math.min(MAX_CALIBRATION_SAMPLES, Math.floor(MAX_CALIBRATION_VALUES / size));
  return samples
    .filter((s) => s.values.length === size && s.values.every(Number.isFinite))
    .slice(0, fit)
    .map((s) => ({
      values: s.values.slice(),
      ...(s.label !== undefined && Number.isInteger(s.label) && s.label >= 0 ? { label: s.label } : {}),
    }));
}

const clip = (text: string, max: number) => text.slice(0, max);

/** A data set summary within the file's bounds: long names clipped, no class list beyond MAX_CLASSES. */
function boundDataset(d: SavedDataset | null): SavedDataset | null {
  if (!d || d.sampleShape.length > 8 || d.classNames.length > MAX_CLASSES) return null;
  return {
    name: clip(d.name, 200),
    count: d.count,
    sampleShape: [...d.sampleShape],
    task: d.task,
    classNames: d.classNames.map((n) => clip(n, 64)),
    classCounts: d.task === 'classes' ? [...d.classCounts] : [],
  };
}

function boundReport(r: SavedQuantReport | null): SavedQuantReport | null {
  if (!r || r.classNames.length > MAX_CLASSES) return null;
  return { ...r, classNames: r.classNames.map((n) => clip(n, 64)), layers: r.layers.slice(0, 1000) };
}

/** A record of no run yet for a model, written at `savedAt`. */
export const emptyRecord = (model: string, savedAt: string): TrainingRecord => ({
  model,
  savedAt,
  dataset: null,
  epochs: [],
  batches: [],
  batchesPerEpoch: 1,
  result: null,
  report: null,
  calibration: [],
});

/**
 * The record after a change (PT-5): a patch for another model starts a new record; a new run replaces the
 * curves and drops the int8 report of the weights it replaced; the calibration samples stay until new ones
 * come.
 */
export function applyTraining(
  record: TrainingRecord | undefined,
  patch: TrainingPatch,
  savedAt: string,
): TrainingRecord {
  let next =
    record && record.model === patch.model ? { ...record, savedAt } : emptyRecord(patch.model, savedAt);
  if (patch.run) {
    const { dataset, epochs, batches, batchesPerEpoch, result } = patch.run;
    next = {
      ...next,
      dataset: boundDataset(dataset),
      epochs: decimate(epochs),
      batches: decimate(batches),
      batchesPerEpoch: Math.max(1, Math.floor(batchesPerEpoch)),
      result,
      report: null,
    };
  }
  if (patch.report !== undefined) next = { ...next, report: boundReport(patch.report) };
  if (patch.calibration) next = { ...next, calibration: boundCalibration(patch.calibration) };
  return next;
}
