import type { ModelSpec } from '../../core/model/types.ts';
import { layerIdProblem } from '../layer-ids.ts';
import { connect, disconnect } from '../spec-connect.ts';
import {
  insertLayer,
  moveLayer,
  removeLayers,
  renameLayer,
  setInputShape,
  updateParams,
} from '../spec-edit.ts';
import { currentModel } from '../store.ts';
import type { ActionContext } from './context.ts';

/** Edits of the open project's model. Each is one undo step and refreshes the project's updatedAt. */
export function modelActions(ctx: ActionContext) {
  const { store } = ctx;
  const edit = (fn: (spec: ModelSpec) => ModelSpec, key?: string, selectedId?: string | null): void =>
    ctx.change(key, () => {
      const state = store.getState();
      const before = currentModel(state);
      const next = fn(before);
      if (next === before) return;
      const id = state.currentId;
      const meta = state.projects[id];
      store.setState({
        models: { ...state.models, [id]: next },
        ...(meta ? { projects: { ...state.projects, [id]: { ...meta, updatedAt: ctx.nowIso() } } } : {}),
        ...(selectedId === undefined ? {} : { selectedId }),
      });
    });

  return {
    /** Inserts a layer at `index` (default: after the selected layer, else at the end) and selects it. */
    insertLayer(type: string, index?: number): string {
      const state = store.getState();
      const model = currentModel(state);
      const selected = model.layers.findIndex((l) => l.id === state.selectedId);
      const at = index ?? (selected >= 0 ? selected + 1 : model.layers.length);
      const { spec, id } = insertLayer(model, type, at);
      edit(() => spec, undefined, id);
      return id;
    },
    removeLayers(ids: readonly string[]): void {
      if (ids.length === 0) return;
      const selected = store.getState().selectedId;
      edit((s) => removeLayers(s, ids), undefined, selected && ids.includes(selected) ? null : selected);
    },
    moveLayer(id: string, toIndex: number): void {
      edit((s) => {
        const next = moveLayer(s, id, toIndex);
        return next.layers.every((l, i) => l === s.layers[i]) ? s : next;
      });
    },
    updateParams(id: string, patch: Readonly<Record<string, unknown>>): void {
      edit((s) => updateParams(s, id, patch), `params:${id}:${Object.keys(patch).join(',')}`);
    },
    /** Renames a layer; returns why it cannot be renamed, or null once done. */
    renameLayer(id: string, next: string): string | null {
      const problem = layerIdProblem(currentModel(store.getState()), id, next);
      if (problem !== null || next === id) return problem;
      edit((s) => renameLayer(s, id, next), undefined, next);
      return null;
    },
    connect(source: string, target: string): void {
      edit((s) => connect(s, source, target));
    },
    disconnect(source: string, target: string): void {
      edit((s) => disconnect(s, source, target));
    },
    setInputShape(shape: readonly number[]): void {
      edit((s) => setInputShape(s, shape), 'input-shape');
    },
    /** Replaces the whole model (the JSON panel while typing, a suggestion's patch). */
    replaceModel(spec: ModelSpec, key?: string): void {
      edit(() => spec, key);
    },
  };
}

export type ModelActions = ReturnType<typeof modelActions>;
