import { dataWith, newProject } from '../initial.ts';
import type { EditorData, Theme } from '../types.ts';
import type { LoadedWorkspace } from './workspace.ts';

/**
 * Editor data from what was stored; a first visit (or an empty store) starts with one empty project.
 * `fresh` says whether nothing came from storage, so everything must be written on the first save.
 */
export function restoreData(
  loaded: LoadedWorkspace | null,
  options: { id: string; nowIso: string; theme: Theme },
): { data: EditorData; fresh: boolean } {
  const [first, ...rest] = loaded?.projects ?? [];
  const theme = loaded?.theme ?? options.theme;
  if (!first)
    return {
      data: { ...dataWith([newProject(options.id, 'Untitled', options.nowIso)]), theme },
      fresh: true,
    };
  return { data: { ...dataWith([first, ...rest], loaded?.currentId), theme }, fresh: false };
}
