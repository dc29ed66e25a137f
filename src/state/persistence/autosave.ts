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
 * Runs `fn` once the next frame is painted, so that work an edit causes does not hold back the frame that shows
 * it; after 250 ms when no frame comes (a hidden tab draws none), and at once outside a browser.
 */
function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(fn, 0);
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    fn();
  };
  const timer = setTimeout(once, 250);
  requestAnimationFrame(() => setTimeout(once, 0));
}

/**
 * Saves the store to IndexedDB after every change, once the frame showing the change is painted. Writes run
 * one at a time; changes made meanwhile are saved together by the next one, so a burst of edits never queues
 * a write per keystroke.
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
    running ??= new Promise<void>((resolve) => afterNextPaint(resolve)).then(run);
    return running;
  };
  const unsubscribe = store.subscribe(() => void schedule());
  if (saved === null) void schedule();
  return {
    flush: () => running ?? Promise.resolve(),
    stop: unsubscribe,
  };
}
