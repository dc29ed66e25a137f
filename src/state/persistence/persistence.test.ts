import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { randomWeights } from '../../core/quant/random-weights.ts';
import { createActions } from '../actions/index.ts';
import { dataWith } from '../initial.ts';
import { serializeProject, toProjectFile } from '../project-file.ts';
import { createEditorStore, currentModel } from '../store.ts';
import { testEditor } from '../test-editor.ts';
import { startAutosave } from './autosave.ts';
import { META, openDatabase, PROJECTS, requestResult, WEIGHTS } from './idb.ts';
import { loadWorkspace } from './workspace.ts';

const NOW = '2025-01-01T00:00:00.000Z';
const MLP: ModelSpec = {
  format: 'minnow-model',
  version: 1,
  name: 'mlp',
  input: { shape: [8] },
  layers: [
    { id: 'fc', type: 'Dense', units: 4, activation: 'relu' },
    { id: 'out', type: 'Dense', units: 2, activation: 'softmax' },
  ],
};
const TRAINED = {
  id: 'p',
  name: 'mlp',
  chipId: 'esp32',
  model: MLP,
  weights: randomWeights(analyzeModel(MLP), 3),
  createdAt: NOW,
  updatedAt: NOW,
};

/** The record `id` of `store` as it is on disk. */
async function record(
  db: IDBDatabase,
  store: string,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  return (await requestResult(db.transaction(store).objectStore(store).get(id))) as Record<string, unknown>;
}

async function reload(factory: IDBFactory) {
  const db = await openDatabase(factory);
  const loaded = await loadWorkspace(db);
  db.close();
  return loaded;
}

describe('persistence in IndexedDB', () => {
  it('saves every change and restores the projects, their order, the open one and the theme', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory);
    const { store, actions } = testEditor();
    const autosave = startAutosave(store, db, { saved: null });
    actions.insertLayer('Flatten');
    const fc = actions.insertLayer('Dense');
    actions.updateParams(fc, { units: 100 });
    const second = actions.newProject('Second');
    actions.setChip('esp32c6');
    actions.setTheme('dark');
    actions.openProject(store.getState().order[1] as string);
    await autosave.flush();
    db.close();

    const loaded = await reload(factory);
    expect(loaded.damaged).toEqual([]);
    expect(loaded.projects.map((p) => p.id)).toEqual(store.getState().order);
    expect(loaded.currentId).toBe(store.getState().currentId);
    expect(loaded.theme).toBe('dark');
    const restored = createEditorStore(dataWith(loaded.projects as never, loaded.currentId));
    expect(currentModel(restored.getState())).toEqual(currentModel(store.getState()));
    expect(loaded.projects.find((p) => p.id === second)?.chipId).toBe('esp32c6');
  });

  it('removes a deleted project from disk, and puts it back when the delete is undone', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory);
    const { store, actions } = testEditor();
    const autosave = startAutosave(store, db, { saved: null });
    const first = store.getState().currentId;
    actions.newProject('Keep');
    actions.deleteProject(first);
    await autosave.flush();
    expect((await loadWorkspace(db)).projects.map((p) => p.name)).toEqual(['Keep']);
    actions.undo();
    await autosave.flush();
    expect((await loadWorkspace(db)).projects.map((p) => p.name)).toEqual(['Keep', 'Untitled']);
    db.close();
  });

  it('lists a damaged record with its reason and raw file, and loads the others', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory);
    const { store } = testEditor();
    await startAutosave(store, db, { saved: null }).flush();
    const tx = db.transaction(PROJECTS, 'readwrite');
    const broken = { format: 'minnow-project', version: 1, name: 'Broken' };
    tx.objectStore(PROJECTS).put({ id: 'broken', file: broken });
    tx.objectStore(PROJECTS).put({ id: 'garbage', file: 'x' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    const loaded = await reload(factory);
    expect(loaded.projects).toHaveLength(1);
    expect(loaded.damaged.map((d) => [d.id, d.name])).toEqual([
      ['broken', 'Broken'],
      ['garbage', 'garbage'],
    ]);
    expect(loaded.damaged[0]?.reason).toMatch(/^E601 /);
    // The raw file is offered as it was stored, and the record itself stays in storage.
    expect(JSON.parse(loaded.damaged[0]?.text ?? '')).toEqual(broken);
    expect((await reload(factory)).damaged).toHaveLength(2);
  });

  it('keeps a trained project’s weights in a record of their own, written again only when they change', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory);
    const { store, actions } = testEditor();
    const autosave = startAutosave(store, db, { saved: null });
    expect(actions.importText(serializeProject(TRAINED), 'mlp.minnow.json')).toBe(true);
    await autosave.flush();
    const id = store.getState().currentId;
    expect((await record(db, PROJECTS, id))?.file).not.toHaveProperty('weights');
    expect((await record(db, WEIGHTS, id))?.weights).toEqual(toProjectFile(TRAINED).weights);
    const put = vi.spyOn(Object.getPrototypeOf(db.transaction(WEIGHTS).objectStore(WEIGHTS)), 'put');
    const writes = (name: string) =>
      put.mock.contexts.filter((s) => (s as IDBObjectStore).name === name).length;
    actions.updateParams('fc', { units: 5 });
    actions.renameProject(id, 'edited');
    await autosave.flush();
    expect(writes(PROJECTS)).toBeGreaterThan(0);
    expect(writes(WEIGHTS)).toBe(0);
    const retrained = randomWeights(analyzeModel(currentModel(store.getState())), 4);
    actions.setWeights(id, retrained);
    await autosave.flush();
    expect(writes(WEIGHTS)).toBe(1);
    put.mockRestore();
    db.close();
    const loaded = (await reload(factory)).projects.find((p) => p.id === id);
    expect(loaded?.name).toBe('edited');
    expect(loaded?.weights).toEqual(retrained);
  });

  it('moves the weights of a project saved inside its file (version 1) to their own record, and keeps them', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const req = factory.open('minnow', 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore(PROJECTS, { keyPath: 'id' });
        req.result.createObjectStore(META);
      };
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction(PROJECTS, 'readwrite');
        tx.objectStore(PROJECTS).put({ id: 'p', file: toProjectFile(TRAINED) });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
    });
    const db = await openDatabase(factory);
    const loaded = await loadWorkspace(db);
    expect(loaded.projects[0]?.weights).toEqual(TRAINED.weights);
    expect(await record(db, PROJECTS, 'p')).toMatchObject({ weightsApart: true });
    expect((await record(db, PROJECTS, 'p'))?.file).not.toHaveProperty('weights');
    // From here on an edit saves the project without touching its weights, which stay.
    const store = createEditorStore(dataWith(loaded.projects as never, loaded.currentId));
    const autosave = startAutosave(store, db, { saved: store.getState() });
    createActions(store, { now: () => Date.UTC(2025, 0, 2), newId: () => 'n' }).updateParams('fc', {
      units: 6,
    });
    await autosave.flush();
    db.close();
    const again = await reload(factory);
    expect(again.projects[0]?.model.layers[0]).toMatchObject({ units: 6 });
    expect(again.projects[0]?.weights).toEqual(TRAINED.weights);
  });

  it('says to close a tab of the version before when it holds the database open, and keeps the projects', async () => {
    const factory = new IDBFactory();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const req = factory.open('minnow', 1);
      req.onupgradeneeded = () => req.result.createObjectStore(PROJECTS, { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
    });
    await expect(openDatabase(factory)).rejects.toMatchObject({
      code: 603,
      message: expect.stringMatching(/Your projects are safe: close that tab, then reload/),
    });
    old.close();
  });

  it('reports a coded error when IndexedDB is missing', async () => {
    await expect(openDatabase(undefined)).rejects.toMatchObject({ code: 603 });
  });
});
