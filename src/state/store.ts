import { temporal, type TemporalState } from 'zundo';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelSpec } from '../core/model/types.ts';
import { DEFAULT_CHIP, dataWith, emptyModel, newProject } from './initial.ts';
import type { EditorData, ProjectMeta, TrackedData } from './types.ts';

export type EditorStore = StoreApi<EditorData> & { temporal: StoreApi<TemporalState<TrackedData>> };

/** Undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

const tracked = ({ models, projects, order, currentId }: EditorData): TrackedData => ({
  models,
  projects,
  order,
  currentId,
});

// Edits replace the objects they change, so identity tells whether the documents changed.
const sameDocuments = (a: TrackedData, b: TrackedData): boolean =>
  a.models === b.models && a.projects === b.projects && a.order === b.order && a.currentId === b.currentId;

/**
 * One store per editor: plain serializable data (models, projects, UI), with undo/redo over the documents.
 * Behaviour lives in createActions; components read the store through hooks.
 */
export function createEditorStore(initial?: EditorData): EditorStore {
  const data = initial ?? dataWith([newProject('p-1', 'Untitled', new Date(0).toISOString())]);
  return createStore<EditorData>()(
    temporal(() => data, { partialize: tracked, equality: sameDocuments, limit: HISTORY_LIMIT }),
  ) as EditorStore;
}

const NO_MODEL = emptyModel('untitled');
const NO_PROJECT: ProjectMeta = { id: '', name: '', chipId: DEFAULT_CHIP, createdAt: '', updatedAt: '' };

/** The open project's model (the actions keep currentId pointing at an existing project). */
export function currentModel(state: EditorData): ModelSpec {
  return state.models[state.currentId] ?? NO_MODEL;
}

export function currentProject(state: EditorData): ProjectMeta {
  return state.projects[state.currentId] ?? NO_PROJECT;
}
