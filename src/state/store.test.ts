import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../core/model/analyze.ts';
import { currentModel, currentProject } from './store.ts';
import { testEditor } from './test-editor.ts';

describe('editor store actions', () => {
  it('builds the 784-100-10 MLP from an empty project, each new layer after the selected one', () => {
    const { store, actions } = testEditor();
    actions.insertLayer('Flatten');
    const fc = actions.insertLayer('Dense');
    actions.insertLayer('Dense');
    actions.updateParams(fc, { units: 100 });
    const model = analyzeModel(currentModel(store.getState()));
    // 784·100 + 100 and 100·10 + 10, by hand.
    expect(model.paramCount).toBe(79_510);
    expect(model.layers.map((l) => l.id)).toEqual(['flatten', 'dense', 'dense_1']);
    expect(store.getState().selectedId).toBe('dense_1');
  });

  it('keeps only plain data in the state: a JSON round trip gives it back unchanged', () => {
    const { store, actions } = testEditor();
    actions.insertLayer('Dense');
    actions.newProject('Second');
    actions.notify({ kind: 'info', text: 'hello' });
    const state = store.getState();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('renames a layer with its references, and refuses a duplicate or reserved id', () => {
    const { store, actions } = testEditor();
    const a = actions.insertLayer('Dense');
    const b = actions.insertLayer('Dense');
    actions.insertLayer('Add');
    actions.connect('input', 'add');
    expect(actions.renameLayer(a, b)).toMatch(/Another layer/);
    expect(actions.renameLayer(a, 'input')).toMatch(/model input/);
    expect(actions.renameLayer(b, 'hidden')).toBeNull();
    const add = currentModel(store.getState()).layers[2];
    expect(add?.inputs).toEqual(['hidden', 'input']);
  });

  it('updates the project timestamp on an edit and sets the chip per project', () => {
    const { store, actions, tick } = testEditor();
    const before = currentProject(store.getState()).updatedAt;
    tick();
    actions.insertLayer('Flatten');
    expect(currentProject(store.getState()).updatedAt > before).toBe(true);
    actions.setChip('esp32c3');
    actions.newProject('Other');
    expect(currentProject(store.getState()).chipId).toBe('esp32c3');
  });

  it('renames, duplicates and deletes projects, keeping one project open at all times', () => {
    const { store, actions } = testEditor();
    const first = store.getState().currentId;
    actions.insertLayer('Flatten');
    expect(actions.renameProject(first, '  ')).toMatch(/needs a name/);
    expect(actions.renameProject(first, 'Digits')).toBeNull();
    expect(currentModel(store.getState()).name).toBe('Digits');
    const copy = actions.duplicateProject(first) as string;
    expect(store.getState().order).toEqual([first, copy]);
    expect(store.getState().projects[copy]?.name).toBe('Digits (copy)');
    expect(store.getState().models[copy]).toEqual(store.getState().models[first]);
    actions.deleteProject(copy);
    expect(store.getState().currentId).toBe(first);
    actions.deleteProject(first);
    const { order, currentId, notice } = store.getState();
    expect(order).toHaveLength(1);
    expect(currentId).not.toBe(first);
    expect(currentModel(store.getState()).layers).toEqual([]);
    expect(notice).toMatchObject({ undoable: true, text: expect.stringContaining('Digits') });
  });

  it('[PR-6] [PR-8] imports a model file as a new project, and refuses a bad one without touching any document', () => {
    const { store, actions } = testEditor();
    actions.insertLayer('Flatten');
    const before = store.getState();
    expect(actions.importText('{"format":"minnow-project","version":1,', 'bad.json')).toBe(false);
    const after = store.getState();
    expect(after.notice?.kind).toBe('error');
    expect(after.notice?.text).toMatch(/E600/);
    expect([after.models, after.projects, after.order, after.currentId]).toEqual([
      before.models,
      before.projects,
      before.order,
      before.currentId,
    ]);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    const model = { format: 'minnow-model', version: 1, name: 'tiny', input: { shape: [4] }, layers: [] };
    expect(actions.importText(JSON.stringify(model), 'tiny.json')).toBe(true);
    expect(currentProject(store.getState()).name).toBe('tiny');
    expect(store.getState().order).toHaveLength(2);
  });
});
