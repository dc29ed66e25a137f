import type { ReactNode } from 'react';
import { Bar } from './Bar.tsx';
import type { GaugeView } from './gauge-view.ts';

/** The budget of one model on one chip: verdict, RAM, flash, latency and totals. */
/** `children` (the fixes, when it does not fit) come right under the verdict. */
export function Gauge({
  view,
  updating = false,
  children,
}: {
  view: GaugeView;
  /** The figures are the last edit's predecessor's, new ones on their way: shown dimmed and marked busy. */
  updating?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className={updating ? 'gauge updating' : 'gauge'} data-testid="gauge" aria-busy={updating}>
      {updating && (
        <p className="note gauge-updating" role="status">
          Updating…
        </p>
      )}
      <div className={`verdict ${view.verdict.tone}`} data-testid="verdict" data-verdict={view.verdict.code}>
        <span className="verdict-label">{view.verdict.label}</span>
        <span className="verdict-chip">on {view.chipName}</span>
      </div>
      {view.headline && (
        <p className="verdict-detail" data-testid="verdict-detail">
          {view.headline}
        </p>
      )}
      {children}
      <Bar view={view.ram} />
      {view.model && <Bar view={view.model} />}
      <Bar view={view.flash} />
      {view.packing && (
        <p className="note packing-saving" data-testid="packing-saving">
          {view.packing.text}
        </p>
      )}
      <dl className="figures">
        <div>
          <dt>Latency</dt>
          <dd
            data-testid="latency"
            title={view.latency.isEstimate ? 'An estimate until measured on a board' : 'Measured on a board'}
          >
            {view.latency.isEstimate ? `≈ ${view.latency.text}` : view.latency.text}
          </dd>
        </div>
        {view.totals.map((t) => (
          <div key={t.label}>
            <dt>{t.label}</dt>
            <dd data-testid={`total-${t.label.split(' ')[0]?.toLowerCase()}`}>{t.text}</dd>
          </div>
        ))}
      </dl>
      <details className="reasons">
        <summary>Why</summary>
        <ul>
          {view.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
