import type { DragEvent } from 'react';
import { useImportFiles } from './useImportFiles.ts';

/**
 * Files dropped anywhere on the app (a model.json with its shards, a .tflite, a project file) are imported,
 * rather than the browser leaving the app to show the file. A drop a part of the page already took (a
 * layer dragged from the palette) is left alone.
 */
export function useFileDrop(): { onDragOver: (e: DragEvent) => void; onDrop: (e: DragEvent) => void } {
  const importFiles = useImportFiles();
  return {
    onDragOver(e) {
      if (e.defaultPrevented || !e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDrop(e) {
      if (e.defaultPrevented || e.dataTransfer.files.length === 0) return;
      e.preventDefault();
      void importFiles([...e.dataTransfer.files]);
    },
  };
}
