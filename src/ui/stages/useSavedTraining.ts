import { useMemo } from 'react';
import { modelFingerprint, type TrainingRecord } from '../../state/index.ts';
import { useEditor, useModel } from '../hooks/useEditor.ts';

export interface SavedTraining {
  readonly record: TrainingRecord;
  /** The model changed since the run (PT-2): the record is shown greyed and never calibrates the board. */
  readonly stale: boolean;
}

/** The open project's record of its last training run, and whether it still belongs to the model. */
export function useSavedTraining(): { saved: SavedTraining | null; fingerprint: string } {
  const model = useModel();
  const record = useEditor((s) => s.training[s.currentId] ?? null);
  const fingerprint = useMemo(() => modelFingerprint(model), [model]);
  const saved = useMemo(
    () => (record ? { record, stale: record.model !== fingerprint } : null),
    [record, fingerprint],
  );
  return { saved, fingerprint };
}

/** The class labels of the last run, while it still belongs to the model and classified (PT-2). */
export function trainedClassNames(saved: SavedTraining | null): readonly string[] | undefined {
  const dataset = saved && !saved.stale ? saved.record.dataset : null;
  return dataset?.task === 'classes' && dataset.classNames.length > 0 ? dataset.classNames : undefined;
}
