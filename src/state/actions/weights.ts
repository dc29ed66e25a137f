import type { FloatWeights } from '../../core/quant/types.ts';
import type { ActionContext } from './context.ts';

/** Trained weights: saved with the project after every run, outside undo (a run is not an edit). */
export function weightsActions({ store, untracked }: ActionContext) {
  return {
    setWeights(projectId: string, weights: FloatWeights | null): void {
      const { [projectId]: _old, ...rest } = store.getState().weights;
      untracked(() => store.setState({ weights: weights ? { ...rest, [projectId]: weights } : rest }));
    },
  };
}
