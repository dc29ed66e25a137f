import { shapeSize } from '../core/model/types.ts';
import { floatsFromBase64, floatsToBase64 } from './float-base64.ts';
import { malformed, parsePart } from './schema-error.ts';
import {
  TRAINING_FORMAT,
  TRAINING_VERSION,
  trainingSchema,
  type TrainingFileShape,
} from './training-schema.ts';
import {
  MAX_CALIBRATION_VALUES,
  MAX_CONFUSION_CLASSES,
  type CalibrationSample,
  type SavedQuantReport,
  type TrainingRecord,
} from './training-types.ts';

/** JSON has no NaN or infinity: such a value is written as null and read back as NaN. */
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const finiteOrNull = (v: number | null): number | null => (v === null ? null : finite(v));
const orNaN = (v: number | null): number => v ?? NaN;

function encodeReport(r: SavedQuantReport): TrainingFileShape['report'] {
  const keepMatrices = r.classNames.length <= MAX_CONFUSION_CLASSES;
  const matrix = (m: readonly (readonly number[])[]) => (keepMatrices ? m.map((row) => [...row]) : []);
  return {
    task: r.task,
    samples: r.samples,
    calibrationSamples: r.calibrationSamples,
    float: finite(r.float),
    int8: finite(r.int8),
    agreement: finiteOrNull(r.agreement),
    classNames: [...r.classNames],
    confusion: matrix(r.confusion),
    floatConfusion: matrix(r.floatConfusion),
    layers: r.layers.map((l) => ({
      layerId: l.layerId,
      type: l.type,
      error: finite(l.error),
      added: finite(l.added),
    })),
    worstLayer: r.worstLayer,
    blobBytes: r.blobBytes,
    arenaBytes: r.arenaBytes,
  };
}

/** The samples one after another; their shape is the data set's when it matches their size. */
function encodeCalibration(
  samples: readonly CalibrationSample[],
  sampleShape: readonly number[] | undefined,
): TrainingFileShape['calibration'] {
  const first = samples[0];
  if (!first) return null;
  const size = first.values.length;
  const all = new Float32Array(size * samples.length);
  samples.forEach((s, i) => all.set(s.values, i * size));
  return {
    shape: sampleShape && shapeSize(sampleShape) === size ? [...sampleShape] : [size],
    count: samples.length,
    values: floatsToBase64(all),
    labels: samples.map((s) => s.label ?? null),
  };
}

/** A training record as a project file stores it (docs/PROJECT.md PT-1). */
export function encodeTraining(record: TrainingRecord): TrainingFileShape {
  return {
    format: TRAINING_FORMAT,
    version: TRAINING_VERSION,
    model: record.model,
    savedAt: record.savedAt,
    dataset: record.dataset
      ? {
          ...record.dataset,
          sampleShape: [...record.dataset.sampleShape],
          classNames: [...record.dataset.classNames],
          classCounts: [...record.dataset.classCounts],
        }
      : null,
    epochs: record.epochs.map((e) => ({
      epoch: e.epoch,
      loss: finite(e.loss),
      metric: finiteOrNull(e.metric),
      valLoss: finiteOrNull(e.valLoss),
      valMetric: finiteOrNull(e.valMetric),
    })),
    batchesPerEpoch: record.batchesPerEpoch,
    batches: record.batches.map((b) => [b.step, finite(b.loss), finiteOrNull(b.metric)]),
    result: record.result
      ? { ...record.result, samplesPerSecond: finite(record.result.samplesPerSecond) ?? 0 }
      : null,
    report: record.report ? encodeReport(record.report) : null,
    calibration: encodeCalibration(record.calibration, record.dataset?.sampleShape),
  };
}

function checkMatrix(m: readonly (readonly number[])[], classes: number, path: string): void {
  if (m.length === 0) return;
  if (m.length !== classes || m.some((row) => row.length !== classes)) {
    throw malformed(path, `expected ${classes}×${classes} counts (one row and column per class) or none`);
  }
}

function decodeReport(r: NonNullable<TrainingFileShape['report']>): SavedQuantReport {
  const classes = r.classNames.length;
  checkMatrix(r.confusion, classes, 'training.report.confusion');
  checkMatrix(r.floatConfusion, classes, 'training.report.floatConfusion');
  return {
    ...r,
    float: orNaN(r.float),
    int8: orNaN(r.int8),
    layers: r.layers.map((l) => ({ ...l, error: orNaN(l.error), added: orNaN(l.added) })),
  };
}

function decodeCalibration(c: TrainingFileShape['calibration']): CalibrationSample[] {
  if (!c) return [];
  const path = 'training.calibration';
  const size = shapeSize(c.shape);
  if (size * c.count > MAX_CALIBRATION_VALUES) {
    throw malformed(path, `${c.count} samples of ${size} values exceed ${MAX_CALIBRATION_VALUES} values`);
  }
  const values = floatsFromBase64(c.values, `${path}.values`);
  if (values.length !== size * c.count) {
    throw malformed(
      `${path}.values`,
      `expected ${c.count} samples of ${size} values, found ${values.length} values`,
    );
  }
  if (c.labels.length !== c.count) {
    throw malformed(`${path}.labels`, `expected one label (or null) per sample: ${c.count}`);
  }
  return c.labels.map((label, i) => ({
    values: values.slice(i * size, (i + 1) * size),
    ...(label === null ? {} : { label }),
  }));
}

/** Reads a project file's `training` field, or throws E601 with the path of what is wrong (PT-4). */
export function decodeTraining(raw: unknown): TrainingRecord {
  const t = parsePart(trainingSchema, raw, 'training');
  if (
    t.dataset &&
    t.dataset.classCounts.length !== (t.dataset.task === 'classes' ? t.dataset.classNames.length : 0)
  ) {
    throw malformed('training.dataset.classCounts', 'expected one count per class name');
  }
  return {
    model: t.model,
    savedAt: t.savedAt,
    dataset: t.dataset,
    epochs: t.epochs.map((e) => ({ ...e, loss: orNaN(e.loss) })),
    batchesPerEpoch: t.batchesPerEpoch,
    batches: t.batches.map(([step, loss, metric]) => ({ step, loss: orNaN(loss), metric })),
    result: t.result,
    report: t.report ? decodeReport(t.report) : null,
    calibration: decodeCalibration(t.calibration),
  };
}
