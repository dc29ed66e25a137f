import type { EditorStore } from '../store.ts';

export interface ActionOptions {
  /** Milliseconds since the epoch; injected by tests. */
  readonly now?: () => number;
  readonly newId?: () => string;
  /** Edits of the same field closer together than this make one undo step (typing "100" is one edit). */
  readonly coalesceMs?: number;
}

export interface ActionContext {
  readonly store: EditorStore;
  nowIso(): string;
  newId(): string;
  /** Applies a change as one undo step, or merges it into the previous step when `key` repeats quickly. */
  change(key: string | undefined, apply: () => void): void;
  /** Applies a change that is not an edit (opening a project): it adds no undo step. */
  untracked(apply: () => void): void;
  undo(): void;
  redo(): void;
}

const randomId = (): string => `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function createContext(store: EditorStore, options: ActionOptions = {}): ActionContext {
  const now = options.now ?? Date.now;
  const coalesceMs = options.coalesceMs ?? 1000;
  let last: { key: string; at: number } | null = null;
  const untracked = (apply: () => void): void => {
    const history = store.temporal.getState();
    history.pause();
    try {
      apply();
    } finally {
      history.resume();
    }
  };
  return {
    store,
    nowIso: () => new Date(now()).toISOString(),
    newId: options.newId ?? randomId,
    change(key, apply) {
      const at = now();
      const merge = key !== undefined && last?.key === key && at - last.at < coalesceMs;
      last = key === undefined ? null : { key, at };
      if (merge) untracked(apply);
      else apply();
    },
    untracked,
    undo() {
      last = null;
      store.temporal.getState().undo();
    },
    redo() {
      last = null;
      store.temporal.getState().redo();
    },
  };
}
