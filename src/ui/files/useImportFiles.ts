import { useCallback } from 'react';
import { errorText } from '../capture/media-errors.ts';
import { storeImportedCaptures } from '../capture/project-captures.ts';
import { useActions, useStoreApi } from '../hooks/useEditor.ts';
import { filesLabel, importFilesOf, isForeignModel } from './import-files.ts';

/**
 * Opens what the user picked or dropped: a Minnow project or model file, a .tflite, or a tfjs model.json
 * with its weight shards, each as a new project. A file that cannot be read is refused with the reason.
 */
export function useImportFiles(): (files: readonly File[]) => Promise<void> {
  const { importText, importModel, notify } = useActions();
  const store = useStoreApi();
  return useCallback(
    async (files: readonly File[]) => {
      const [first] = files;
      if (!first) return;
      try {
        const json = files.length === 1 && /\.json$/i.test(first.name) ? await first.text() : undefined;
        if (isForeignModel(files, json)) {
          importModel(await importFilesOf(files), filesLabel(files));
          return;
        }
        const text = json ?? (await first.text());
        // The recordings go to their own database, under the id the new project was given (PC-1).
        if (importText(text, first.name)) {
          await storeImportedCaptures(text, store.getState().currentId).catch((e: unknown) =>
            notify({
              kind: 'error',
              text: `The project was imported without its recordings: ${errorText(e)}`,
            }),
          );
        }
      } catch {
        notify({ kind: 'error', text: `Cannot read ${filesLabel(files)}.` });
      }
    },
    [importText, importModel, notify, store],
  );
}
