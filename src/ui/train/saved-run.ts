import type { SavedRun } from '../../state/index.ts';
import type { TrainingView } from './training-state.ts';

// How the training view relates to the project's record of its last run (docs/PROJECT.md PT-5, PT-6).

/** Whether the curves shown are the last run's, restored from the project. */
export const showsSavedRun = (view: TrainingView): boolean =>
  view.restored !== null && view.batches === view.restored.record.batches;

/** Whether the int8 report shown is the last run's, restored from the project. */
export const showsSavedReport = (view: TrainingView): boolean =>
  view.restored !== null && view.report !== null && view.report === view.restored.record.report;

/** Batches per epoch of the run shown, to place each epoch's point on the batch axis. */
export const batchesPerEpoch = (view: TrainingView): number =>
  view.progress?.batchesPerEpoch ?? (showsSavedRun(view) ? view.restored?.record.batchesPerEpoch : null) ?? 1;

/** The run that just ended, as the project keeps it (PT-5). */
export function runOf(view: TrainingView): SavedRun {
  const d = view.dataset;
  return {
    dataset: d
      ? {
          name: d.name,
          count: d.count,
          sampleShape: d.sampleShape,
          task: d.task,
          classNames: d.classNames,
          classCounts: d.classCounts,
        }
      : null,
    epochs: view.epochs,
    batches: view.batches,
    batchesPerEpoch: batchesPerEpoch(view),
    result: view.result,
  };
}
