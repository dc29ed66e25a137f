import { isMinnowError, type MinnowError } from '../core/errors.ts';
import { createActions } from '../state/actions/index.ts';
import { openDatabase } from '../state/persistence/idb.ts';
import { startAutosave } from '../state/persistence/autosave.ts';
import { restoreData } from '../state/persistence/restore.ts';
import { loadWorkspace, type LoadedWorkspace } from '../state/persistence/workspace.ts';
import { createEditorStore } from '../state/store.ts';
import type { Editor } from './EditorContext.tsx';

async function load(): Promise<{
  db: IDBDatabase | null;
  loaded: LoadedWorkspace | null;
  error?: MinnowError;
}> {
  try {
    const db = await openDatabase(globalThis.indexedDB);
    return { db, loaded: await loadWorkspace(db) };
  } catch (e) {
    if (!isMinnowError(e)) throw e;
    return { db: null, loaded: null, error: e };
  }
}

/** Restores the saved projects (or starts the first one), and saves every change from then on. */
export async function bootEditor(): Promise<Editor> {
  const { db, loaded, error } = await load();
  const prefersDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const { data, fresh } = restoreData(loaded, {
    id: `p-${Date.now().toString(36)}`,
    nowIso: new Date().toISOString(),
    theme: prefersDark ? 'dark' : 'light',
  });
  const store = createEditorStore(data);
  const actions = createActions(store);
  const fail = (e: MinnowError) =>
    actions.notify({ kind: 'error', text: `E${e.code} ${e.message} ${e.hint}` });
  if (error) fail(error);
  const damaged = loaded?.damaged ?? [];
  if (damaged.length > 0) {
    const names = damaged.map((d) => `"${d.name}"`).join(', ');
    actions.notify({
      kind: 'error',
      text: `${damaged.length} saved project(s) could not be read: ${names}. The others are here; Projects lists the damaged ones, with their files to download.`,
    });
  }
  if (db) startAutosave(store, db, { saved: fresh ? null : data, onError: fail });
  return { store, actions, damaged };
}
