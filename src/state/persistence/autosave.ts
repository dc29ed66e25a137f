import type { MinnowError } from '../../core/errors.ts';
import type { EditorStore } from '../store.ts';
import type { EditorData } from '../types.ts';
import { saveChanges } from './workspace.ts';

export interface Autosave {
  /** Resolves once every change made so far is on disk. */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Saves the store to IndexedDB after every change. Writes run one at a time; changes made during a write are
 * saved together by the next one, so a burst of edits never queues a write per keystroke.
 */
export function startAutosave(
  store: EditorStore,
  db: IDBDatabase,
  options: { saved: EditorData | null; onError?: (e: MinnowError) => void },
): Autosave {
  let saved = options.saved;
  let running: Promise<void> | null = null;
  let dirty = false;

  const run = async (): Promise<void> => {
    while (dirty) {
      dirty = false;
      const next = store.getState();
      try {
        await saveChanges(db, saved, next);
        saved = next;
      } catch (e) {
        options.onError?.(e as MinnowError);
      }
    }
    running = null;
  };
  const schedule = (): Promise<void> => {
    dirty = true;
    running ??= run();
    return running;
  };
  const unsubscribe = store.subscribe(() => void schedule());
  if (saved === null) void schedule();
  return {
    flush: () => running ?? Promise.resolve(),
    stop: unsubscribe,
  };
}
