import { useRef } from 'react';
import { useActions } from '../hooks/useEditor.ts';

/** Opens a project or model file as a new project; a bad file is refused with the reason. */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const { importText, notify } = useActions();
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      importText(await file.text(), file.name);
    } catch {
      notify({ kind: 'error', text: `Cannot read ${file.name}.` });
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
