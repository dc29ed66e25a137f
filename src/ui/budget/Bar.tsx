import type { BarView } from './gauge-view.ts';

/** A stacked bar of what a resource holds against what the chip has; past 100 % it turns red. */
export function Bar({ view }: { view: BarView }) {
  const scale = Math.max(view.needBytes, view.availableBytes) || 1;
  const id = `bar-${view.label.toLowerCase()}`;
  return (
    <div className={`bar ${view.fits ? 'fits' : 'over'}`}>
      <div className="bar-head">
        <span id={id} className="bar-label">
          {view.label}
        </span>
        <span className="bar-text" data-testid={`${id}-text`}>
          {view.text}
        </span>
      </div>
      <div
        className="bar-track"
        role="meter"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={view.availableBytes}
        aria-valuenow={Math.min(view.needBytes, view.availableBytes)}
        aria-valuetext={`${view.text}${view.fits ? '' : ', does not fit'}`}
      >
        {view.segments.map((s) => (
          <span key={s.key} className={`seg seg-${s.key}`} style={{ width: `${(100 * s.bytes) / scale}%` }} />
        ))}
        {!view.fits && <span className="limit" style={{ left: `${(100 * view.availableBytes) / scale}%` }} />}
      </div>
      <ul className="legend">
        {view.segments.map((s) => (
          <li key={s.key}>
            <span className={`swatch seg-${s.key}`} aria-hidden="true" />
            {s.label} <span className="fig">{s.text}</span>
          </li>
        ))}
      </ul>
      {view.note && <p className="note">{view.note}</p>}
    </div>
  );
}
