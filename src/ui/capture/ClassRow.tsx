import type { KeyboardEvent, ReactNode } from 'react';
import type { Capture } from '../../core/capture/types.ts';

/** How many thumbnails a class shows (the newest); the count names them all. */
const SHOWN = 24;

export interface ClassRowProps {
  readonly name: string;
  readonly items: readonly Capture[];
  readonly selected: boolean;
  readonly recording: boolean;
  readonly disabled: boolean;
  /** The record button's text. */
  readonly action: string;
  readonly onSelect: () => void;
  /** Record: pressed (mouse, touch or Space) and released. */
  readonly onStart: () => void;
  readonly onStop: () => void;
  /** Enter on the record button (a click with no pointer): records once, when that makes sense. */
  readonly onTap?: () => void;
  readonly onDelete: (id: string) => void;
  readonly thumb: (c: Capture) => ReactNode;
}

/**
 * One class: its name, how many recordings, a button that records while held (or Space while the row has
 * the focus), and the newest recordings with a delete button each.
 */
export function ClassRow(p: ClassRowProps) {
  const onKey = (e: KeyboardEvent, down: boolean) => {
    if (e.key !== ' ' || p.disabled) return;
    e.preventDefault();
    if (down && !e.repeat) p.onStart();
    if (!down) p.onStop();
  };
  const slug = p.name.replace(/\W+/g, '-');
  return (
    <li className={`capture-class${p.selected ? ' selected' : ''}`} data-testid={`capture-class-${slug}`}>
      <div className="capture-class-head">
        <button
          type="button"
          className="capture-class-name"
          aria-pressed={p.selected}
          onClick={p.onSelect}
          onKeyDown={(e) => onKey(e, true)}
          onKeyUp={(e) => onKey(e, false)}
          title="Select, then hold Space to record"
        >
          {p.name}{' '}
          <span className="muted" data-testid="capture-count">
            {p.items.length}
          </span>
        </button>
        <button
          type="button"
          className={p.recording ? 'recording' : ''}
          disabled={p.disabled}
          data-testid={`record-${slug}`}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture?.(e.pointerId);
            p.onSelect();
            p.onStart();
          }}
          onPointerUp={p.onStop}
          onClick={(e) => e.detail === 0 && p.onTap?.()}
          onPointerCancel={p.onStop}
          onKeyDown={(e) => onKey(e, true)}
          onKeyUp={(e) => onKey(e, false)}
        >
          {p.recording ? 'Recording…' : p.action}
        </button>
      </div>
      <ul className="capture-thumbs">
        {p.items.slice(-SHOWN).map((c) => (
          <li key={c.id}>
            {p.thumb(c)}
            <button
              type="button"
              className="capture-delete"
              aria-label={`Delete this recording of ${p.name}`}
              title="Delete"
              onClick={() => p.onDelete(c.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
}
