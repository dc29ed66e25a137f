import type { Sample } from '../device/RunSample.tsx';
import type { Calibration, CompiledModel } from './compiled-model.ts';
import type { SavedTraining } from './useSavedTraining.ts';

/**
 * The samples that calibrate the board's int8 model and feed its checks (PT-6): those of this session's
 * training data, else the ones saved with the project's last run, unless the model changed since that run.
 */
export function chooseCalibration(live: readonly Sample[], saved: SavedTraining | null): Calibration {
  if (live.length > 0) return { samples: live, saved: false };
  const kept = saved && !saved.stale ? saved.record.calibration : [];
  return { samples: kept, saved: kept.length > 0 };
}

/** How the Board tab says what the blob's activation ranges were calibrated on. */
export function calibrationText(compiled: Extract<CompiledModel, { status: 'ok' }>): string {
  const saved = compiled.calibrationSaved ? ' saved with the project' : '';
  if (compiled.tokenStream) {
    return compiled.calibratedOn > 0
      ? `calibrated on ${compiled.calibrationTokens} tokens of the training text${saved}, read as one stream`
      : 'calibrated on a built-in text (train to calibrate on yours)';
  }
  return compiled.calibratedOn > 0
    ? `calibrated on ${compiled.calibratedOn} training samples${saved}`
    : 'calibrated on synthetic inputs (train to calibrate on the data)';
}
