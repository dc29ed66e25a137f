import {
  loadCaptures,
  openCaptureDatabase,
  replaceCaptures,
  writeCaptures,
  type LoadedCaptures,
} from '../../state/persistence/captures.ts';
import type { Capture, CaptureSet } from '../../core/capture/types.ts';

/** The page's one connection to the recordings database, opened on first use. */
let db: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  db ??= openCaptureDatabase(globalThis.indexedDB).catch((e: unknown) => {
    db = null;
    throw e;
  });
  return db;
}

/** Told when a project's recordings are replaced from outside the panel (an imported project file). */
const replaced = new Set<(projectId: string) => void>();

export const captureDb = {
  onReplaced(listener: (projectId: string) => void): () => void {
    replaced.add(listener);
    return () => replaced.delete(listener);
  },
  load: async (projectId: string): Promise<LoadedCaptures> => loadCaptures(await open(), projectId),
  write: async (
    projectId: string,
    change: { put?: readonly Capture[]; remove?: readonly string[]; classes?: CaptureSet['classes'] },
  ): Promise<void> => writeCaptures(await open(), projectId, change),
  replace: async (projectId: string, set: CaptureSet): Promise<void> => {
    await replaceCaptures(await open(), projectId, set);
    replaced.forEach((l) => l(projectId));
  },
};
