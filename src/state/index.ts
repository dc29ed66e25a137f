export * from './types.ts';
export { createEditorStore, currentModel, currentProject, HISTORY_LIMIT, type EditorStore } from './store.ts';
export { createActions, type ActionOptions, type EditorActions } from './actions/index.ts';
export { DEFAULT_CHIP, dataWith, emptyModel, newProject } from './initial.ts';
export {
  parseProject,
  parseProjectText,
  serializeProject,
  toProjectFile,
  type ProjectFile,
} from './project-file.ts';
export { openDatabase } from './persistence/idb.ts';
export { loadWorkspace, saveChanges, type LoadedWorkspace } from './persistence/workspace.ts';
export { startAutosave, type Autosave } from './persistence/autosave.ts';
export { resolvedInputs } from './spec-edit.ts';
export { canConnect } from './spec-connect.ts';
export { layerIdProblem } from './layer-ids.ts';
export { restoreData } from './persistence/restore.ts';
export { decodeWeights, encodeWeights } from './weights-file.ts';
export { weightsMismatch } from './weights-fit.ts';
export { modelFingerprint } from './model-fingerprint.ts';
export { decodeTraining, encodeTraining } from './training-file.ts';
export type { TrainingPatch, SavedRun } from './training-record.ts';
export type * from './training-types.ts';
