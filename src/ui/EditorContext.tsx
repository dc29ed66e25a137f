import { createContext, type ReactNode } from 'react';
import type { EditorActions } from '../state/actions/index.ts';
import type { DamagedProject } from '../state/persistence/workspace.ts';
import type { EditorStore } from '../state/store.ts';

export interface Editor {
  readonly store: EditorStore;
  readonly actions: EditorActions;
  /** Stored projects that could not be read at start: kept in storage, offered as raw files. */
  readonly damaged?: readonly DamagedProject[];
}

export const EditorContext = createContext<Editor | null>(null);

/** Gives the components below one editor: its store and its actions. */
export function EditorProvider({ editor, children }: { editor: Editor; children: ReactNode }) {
  return <EditorContext.Provider value={editor}>{children}</EditorContext.Provider>;
}
