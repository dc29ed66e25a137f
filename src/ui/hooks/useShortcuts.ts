import { useEffect } from 'react';
import { shortcutOf } from './shortcuts.ts';
import { useActions } from './useEditor.ts';

/** App-wide undo/redo keys; the JSON editor keeps its own text undo while it has the focus. */
export function useShortcuts(): void {
  const { undo, redo } = useActions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutOf(e);
      if (!action || (e.target instanceof Element && e.target.closest('.monaco-editor'))) return;
      e.preventDefault();
      // A focused field shows what was typed; leaving it first lets it show the restored value.
      if (document.activeElement instanceof HTMLInputElement) document.activeElement.blur();
      if (action === 'undo') undo();
      else redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}
