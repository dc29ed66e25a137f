import { useCallback } from 'react';
import { useActions } from '../hooks/useEditor.ts';
import { filesLabel, importFilesOf, isForeignModel } from './import-files.ts';

/**
 * Opens what the user picked or dropped: a Minnow project or model file, a .tflite, or a tfjs model.json
 * with its weight shards, each as a new project. A file that cannot be read is refused with the reason.
 */
export function useImportFiles(): (files: readonly File[]) => Promise<void> {
  const { importText, importModel, notify } = useActions();
  return useCallback(
    async (files: readonly File[]) => {
      const [first] = files;
      if (!first) return;
      try {
        const json = files.length === 1 && /\.json$/i.test(first.name) ? await first.text() : undefined;
        if (isForeignModel(files, json)) importModel(await importFilesOf(files), filesLabel(files));
        else importText(json ?? (await first.text()), first.name);
      } catch {
        notify({ kind: 'error', text: `Cannot read ${filesLabel(files)}.` });
      }
    },
    [importText, importModel, notify],
  );
}
