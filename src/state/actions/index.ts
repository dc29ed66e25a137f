import type { EditorStore } from '../store.ts';
import { createContext, type ActionOptions } from './context.ts';
import { modelActions } from './model.ts';
import { projectActions } from './project.ts';
import { uiActions } from './ui.ts';
import { trainingActions } from './training.ts';
import { weightsActions } from './weights.ts';

export type { ActionOptions } from './context.ts';

/** Every action of an editor store, as plain functions bound to it. */
export function createActions(store: EditorStore, options?: ActionOptions) {
  const ctx = createContext(store, options);
  return {
    ...modelActions(ctx),
    ...projectActions(ctx),
    ...uiActions(ctx),
    ...weightsActions(ctx),
    ...trainingActions(ctx),
    undo: ctx.undo,
    redo: ctx.redo,
  };
}

export type EditorActions = ReturnType<typeof createActions>;
