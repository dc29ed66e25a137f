import { useRef } from 'react';
import { useImportFiles } from './useImportFiles.ts';

/**
 * Opens a project or model file, a .tflite, or a tfjs model.json selected together with its .bin shards,
 * as a new project; a bad file is refused with the reason.
 */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const importFiles = useImportFiles();
  const onFiles = async (files: FileList | null) => {
    await importFiles(files ? [...files] : []);
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        title="Open a project or model file, a .tflite, or a tfjs model.json with its .bin weight files"
      >
        Import
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".json,.bin,.tflite,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Project or model files to import"
        data-testid="import-file"
        onChange={(e) => void onFiles(e.target.files)}
      />
    </>
  );
}
