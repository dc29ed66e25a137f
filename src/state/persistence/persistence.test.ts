import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { dataWith } from '../initial.ts';
import { createEditorStore, currentModel } from '../store.ts';
import { testEditor } from '../test-editor.ts';
import { startAutosave } from './autosave.ts';
import { openDatabase, PROJECTS } from './idb.ts';
import { loadWorkspace } from './workspace.ts';

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

  it('reports a coded error when IndexedDB is missing', async () => {
    await expect(openDatabase(undefined)).rejects.toMatchObject({ code: 603 });
  });
});
