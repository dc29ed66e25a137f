import { useActions, useHistory } from './hooks/useEditor.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function HistoryButtons() {
  const { canUndo, canRedo } = useHistory();
  const { undo, redo } = useActions();
  return (
    <>
      <button
        type="button"
        className="icon"
        onClick={undo}
        disabled={!canUndo}
        aria-label="Undo"
        title={`Undo (${mod}Z)`}
      >
        ↶
      </button>
      <button
        type="button"
        className="icon"
        onClick={redo}
        disabled={!canRedo}
        aria-label="Redo"
        title={`Redo (${mod}Shift+Z)`}
      >
        ↷
      </button>
    </>
  );
}
