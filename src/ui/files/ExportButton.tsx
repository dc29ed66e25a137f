import { serializeProject } from '../../state/project-file.ts';
import type { EditorData } from '../../state/types.ts';
import { useStoreApi } from '../hooks/useEditor.ts';
import { capturesForExport } from '../capture/project-captures.ts';
import { downloadText, exportFileName } from './download.ts';

/** Downloads a project as a project file (docs/PROJECT.md), with its recordings (PC-1). */
export async function exportProject(state: EditorData, id: string): Promise<void> {
  const meta = state.projects[id];
  const model = state.models[id];
  const weights = state.weights[id];
  if (!meta || !model) return;
  const captures = await capturesForExport(id);
  downloadText(
    exportFileName(meta.name),
    serializeProject({ ...meta, model, ...(weights ? { weights } : {}), ...(captures ? { captures } : {}) }),
  );
}

export function ExportButton() {
  const store = useStoreApi();
  const onClick = () => void exportProject(store.getState(), store.getState().currentId);
  return (
    <button type="button" onClick={onClick} title="Save the project to a file">
      Export
    </button>
  );
}
