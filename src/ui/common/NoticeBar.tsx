import { useEffect } from 'react';
import { useActions, useEditor } from '../hooks/useEditor.ts';

/** Info notices fade after a while; errors stay until dismissed. */
const INFO_MS = 8000;

/** The app's notices; while a dialog is open they show inside it (the rest of the page is inert then). */
export function NoticeBar({ inDialog = false }: { inDialog?: boolean }) {
  const dialogOpen = useEditor((s) => s.dialog !== null);
  const notice = useEditor((s) => (dialogOpen === inDialog ? s.notice : null));
  const { notify, undo } = useActions();
  useEffect(() => {
    if (notice?.kind !== 'info' || notice.details || inDialog) return;
    const timer = setTimeout(() => notify(null), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, notify, inDialog]);
  if (!notice) return <div className="notice-region" role="status" aria-live="polite" />;
  if (notice.quiet) {
    return (
      <div className="notice-region visually-hidden" role="status" aria-live="polite">
        {notice.text}
      </div>
    );
  }
  const isError = notice.kind === 'error';
  return (
    <div
      className="notice-region"
      role={isError ? 'alert' : 'status'}
      aria-live={isError ? 'assertive' : 'polite'}
    >
      <div className={`toast ${notice.kind}`} data-testid="notice">
        <span>
          {notice.text}
          {notice.details && (
            <ul className="notice-details">
              {notice.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </span>
        {notice.undoable && (
          <button
            type="button"
            onClick={() => {
              undo();
              notify(null);
            }}
          >
            Undo
          </button>
        )}
        <button type="button" className="icon" aria-label="Dismiss" onClick={() => notify(null)}>
          ×
        </button>
      </div>
    </div>
  );
}
