import { formatBytes } from '../../core/units.ts';
import { serializeProject } from '../../state/project-file.ts';
import { MAX_PROJECT_FILE_BYTES } from '../../state/project-schema.ts';
import type { EditorData, Notice } from '../../state/types.ts';
import { useActions, useStoreApi } from '../hooks/useEditor.ts';
import { capturesForExport } from '../capture/project-captures.ts';
import { downloadText, exportFileName } from './download.ts';

/**
 * Downloads a project as a project file (docs/PROJECT.md), with its recordings (PC-1) when the file stays
 * within the size an import accepts (PR-5); else without them, saying so (they stay in the browser).
 */
export async function exportProject(
  state: EditorData,
  id: string,
  notify?: (n: Notice) => void,
): Promise<void> {
  const meta = state.projects[id];
  const model = state.models[id];
  const weights = state.weights[id];
  if (!meta || !model) return;
  const project = { ...meta, model, ...(weights ? { weights } : {}) };
  const captures = await capturesForExport(id);
  const full = captures ? serializeProject({ ...project, captures }) : null;
  if (full && full.length <= MAX_PROJECT_FILE_BYTES) return downloadText(exportFileName(meta.name), full);
  downloadText(exportFileName(meta.name), serializeProject(project));
  if (full) {
    notify?.({
      kind: 'error',
      text: `Exported “${meta.name}” without its recordings: with them the file would be ${formatBytes(full.length)}, over the ${formatBytes(MAX_PROJECT_FILE_BYTES)} a project file may be. They stay in this browser; download the frames as an image folder, or delete some recordings and export again.`,
    });
  }
}

export function ExportButton() {
  const store = useStoreApi();
  const { notify } = useActions();
  const onClick = () => void exportProject(store.getState(), store.getState().currentId, notify);
  return (
    <button type="button" onClick={onClick} title="Save the project to a file">
      Export
    </button>
  );
}
