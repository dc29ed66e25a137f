import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { startAutosave } from './persistence/autosave.ts';
import { openDatabase } from './persistence/idb.ts';
import { loadWorkspace } from './persistence/workspace.ts';
import { parseProjectText, serializeProject } from './project-file.ts';
import { currentModel } from './store.ts';
import { testEditor } from './test-editor.ts';
import { tinyRecord } from './test-training.ts';
import { modelFingerprint } from './model-fingerprint.ts';

function trained() {
  const editor = testEditor();
  const { store, actions } = editor;
  actions.insertLayer('Flatten');
  const id = store.getState().currentId;
  const record = tinyRecord(currentModel(store.getState()));
  const { model, dataset, epochs, batches, batchesPerEpoch, result } = record;
  actions.saveTraining(id, { model, run: { dataset, epochs, batches, batchesPerEpoch, result } });
  actions.saveTraining(id, { model, report: record.report, calibration: record.calibration });
  return { ...editor, id, record };
}

describe('the training record in the store', () => {
  it('[PT-5] is saved outside undo, like the weights: undo steps back over edits, not runs', () => {
    const { store, actions, id, record } = trained();
    expect(store.getState().training[id]).toMatchObject({ model: record.model, report: record.report });
    expect(store.getState().training[id]?.calibration).toEqual(record.calibration);
    actions.undo();
    expect(currentModel(store.getState()).layers).toEqual([]);
    expect(store.getState().training[id]?.report).toEqual(record.report);
    actions.redo();
    expect(currentModel(store.getState()).layers).toHaveLength(1);
  });

  it('[PT-2] stays when the model changes (then stale) and fits again when the edit is undone', () => {
    const { store, actions, id, record } = trained();
    actions.insertLayer('Dense');
    expect(modelFingerprint(currentModel(store.getState()))).not.toBe(record.model);
    expect(store.getState().training[id]).toBeDefined();
    actions.undo();
    expect(modelFingerprint(currentModel(store.getState()))).toBe(record.model);
  });

  it('[PT-5] ignores a project that does not exist; a duplicate keeps the record', () => {
    const { store, actions, id } = trained();
    actions.saveTraining('nope', { model: 'fnv1a:0000000000000000' });
    expect(store.getState().training).not.toHaveProperty('nope');
    const copy = actions.duplicateProject(id) as string;
    expect(store.getState().training[copy]).toBe(store.getState().training[id]);
  });

  it('[PT-5] is exported and imported with the project file', () => {
    const { store, actions, id } = trained();
    const state = store.getState();
    const meta = state.projects[id]!;
    const text = serializeProject({ ...meta, model: state.models[id]!, training: state.training[id]! });
    expect(actions.importText(text, 'tiny.minnow.json')).toBe(true);
    const imported = store.getState().currentId;
    expect(imported).not.toBe(id);
    expect(store.getState().training[imported]).toEqual(state.training[id]);
    expect(parseProjectText(text, 'esp32', meta.createdAt).training?.report?.int8).toBe(0.75);
  });

  it('[PT-5] is autosaved to IndexedDB and restored after a reload', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory);
    const { store, actions, id, record } = trained();
    const autosave = startAutosave(store, db, { saved: null });
    await autosave.flush();
    actions.saveTraining(id, { model: record.model, report: { ...record.report!, int8: 0.5 } });
    await autosave.flush();
    db.close();
    const again = await openDatabase(factory);
    const loaded = await loadWorkspace(again);
    again.close();
    const project = loaded.projects.find((p) => p.id === id);
    expect(project?.training?.report?.int8).toBe(0.5);
    expect(project?.training?.epochs).toEqual(record.epochs);
    expect(project?.training?.calibration).toEqual(record.calibration);
  });
});
