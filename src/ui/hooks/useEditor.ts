import { useContext } from 'react';
import { useStore } from 'zustand';
import type { ModelSpec } from '../../core/model/types.ts';
import type { EditorActions } from '../../state/actions/index.ts';
import type { EditorStore } from '../../state/store.ts';
import { currentModel, currentProject } from '../../state/store.ts';
import type { EditorData, ProjectMeta } from '../../state/types.ts';
import { EditorContext, type Editor } from '../EditorContext.tsx';
import type { DamagedProject } from '../../state/persistence/workspace.ts';

function useEditorContext(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor needs an <EditorProvider> above it');
  return editor;
}

/** Reads a slice of the editor state; re-renders only when the selected value changes. */
export function useEditor<T>(selector: (state: EditorData) => T): T {
  return useStore(useEditorContext().store, selector);
}

export function useActions(): EditorActions {
  return useEditorContext().actions;
}

export function useModel(): ModelSpec {
  return useEditor(currentModel);
}

export function useProject(): ProjectMeta {
  return useEditor(currentProject);
}

export function useHistory(): { canUndo: boolean; canRedo: boolean } {
  const { temporal } = useEditorContext().store;
  const canUndo = useStore(temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(temporal, (s) => s.futureStates.length > 0);
  return { canUndo, canRedo };
}

/** The store itself, for handlers that read the state at the moment they run. */
export function useStoreApi(): EditorStore {
  return useEditorContext().store;
}

/** Stored projects that could not be read when the app started. */
export function useDamagedProjects(): readonly DamagedProject[] {
  return useEditorContext().damaged ?? [];
}
