import type { FloatWeights } from '../../core/quant/types.ts';
import type { ProjectMeta } from '../types.ts';
import type { ActionContext } from './context.ts';

function withoutQuantization(meta: ProjectMeta): ProjectMeta {
  const { quantization: _replaced, ...rest } = meta;
  return rest;
}

/**
 * Trained weights: saved with the project after every run, outside undo (a run is not an edit). New weights
 * replace those an imported int8 quantization belongs to, so it is dropped: the board calibrates them.
 */
export function weightsActions({ store, untracked }: ActionContext) {
  return {
    setWeights(projectId: string, weights: FloatWeights | null): void {
      const { weights: all, projects } = store.getState();
      const { [projectId]: _old, ...rest } = all;
      const meta = projects[projectId];
      const dropped = meta?.quantization ? withoutQuantization(meta) : undefined;
      untracked(() =>
        store.setState({
          weights: weights ? { ...rest, [projectId]: weights } : rest,
          ...(dropped ? { projects: { ...projects, [projectId]: dropped } } : {}),
        }),
      );
    },
  };
}
