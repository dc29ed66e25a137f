import { useRef } from 'react';
import { errorText } from '../capture/media-errors.ts';
import { storeImportedCaptures } from '../capture/project-captures.ts';
import { useActions, useStoreApi } from '../hooks/useEditor.ts';

/** Opens a project or model file as a new project; a bad file is refused with the reason. */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const { importText, notify } = useActions();
  const store = useStoreApi();
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    let text: string | null = null;
    try {
      text = await file.text();
    } catch {
      notify({ kind: 'error', text: `Cannot read ${file.name}.` });
    }
    // The recordings go to their own database, under the id the new project was given (PC-1).
    if (text !== null && importText(text, file.name)) {
      await storeImportedCaptures(text, store.getState().currentId).catch((e: unknown) =>
        notify({ kind: 'error', text: `The project was imported without its recordings: ${errorText(e)}` }),
      );
    }
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} title="Open a project or model file">
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Project file to import"
        data-testid="import-file"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
    </>
  );
}
