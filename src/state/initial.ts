import type { ModelSpec } from '../core/model/types.ts';
import type { EditorData, Project, ProjectMeta } from './types.ts';

/** The chip a new project budgets for: an ESP32-C3, whose firmware ships with the app, so a first flash is one click. */
export const DEFAULT_CHIP = 'esp32c3';

/** A new project's model: no layers yet, a 28x28 grayscale image in (the MNIST digit size). */
export function emptyModel(name: string): ModelSpec {
  return { format: 'minnow-model', version: 1, name, input: { shape: [28, 28, 1] }, layers: [] };
}

/** The model's own name follows the project's, within the model format's 64 characters. */
export function modelName(projectName: string): string {
  return projectName.trim().slice(0, 64) || 'untitled';
}

export function newProject(id: string, name: string, nowIso: string, model?: ModelSpec): Project {
  return {
    id,
    name,
    chipId: DEFAULT_CHIP,
    createdAt: nowIso,
    updatedAt: nowIso,
    model: model ?? emptyModel(modelName(name)),
  };
}

export function metaOf(project: Project): ProjectMeta {
  const { model: _model, weights: _weights, training: _training, captures: _captures, ...meta } = project;
  return meta;
}

/** Editor data holding the given projects (newest first); the first one is opened. */
export function dataWith(projects: readonly [Project, ...Project[]], currentId?: string): EditorData {
  const first = projects[0];
  return {
    models: Object.fromEntries(projects.map((p) => [p.id, p.model])),
    weights: Object.fromEntries(projects.flatMap((p) => (p.weights ? [[p.id, p.weights]] : []))),
    training: Object.fromEntries(projects.flatMap((p) => (p.training ? [[p.id, p.training]] : []))),
    projects: Object.fromEntries(projects.map((p) => [p.id, metaOf(p)])),
    order: projects.map((p) => p.id),
    currentId: currentId && projects.some((p) => p.id === currentId) ? currentId : first.id,
    selectedId: null,
    bottomTab: 'layers',
    theme: 'light',
    dialog: null,
    notice: null,
    stage: 'design',
    board: null,
  };
}
