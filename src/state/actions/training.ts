import { applyTraining, type TrainingPatch } from '../training-record.ts';
import type { ActionContext } from './context.ts';

/** The last training run's record: saved with the project, outside undo like the weights (a run is not an edit). */
export function trainingActions({ store, untracked, nowIso }: ActionContext) {
  return {
    /** Records a run's end, an int8 report or calibration samples for the project (PT-5); unknown ids are ignored. */
    saveTraining(projectId: string, patch: TrainingPatch): void {
      const state = store.getState();
      if (!state.projects[projectId]) return;
      const next = applyTraining(state.training[projectId], patch, nowIso());
      untracked(() => store.setState({ training: { ...store.getState().training, [projectId]: next } }));
    },
  };
}
