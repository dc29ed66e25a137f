import { useEffect, useState } from 'react';
import type { SampleView } from '../../train/worker/protocol.ts';
import { PredictionBars } from './PredictionBars.tsx';
import { SamplePreview } from './SamplePreview.tsx';
import type { TrainingActions } from './useTrainingSession.ts';

interface SampleBrowserProps {
  readonly actions: TrainingActions;
  readonly names: readonly string[];
  readonly shape: readonly number[];
  /** Changes when the weights or the int8 model change, so the predictions are fetched again. */
  readonly version: unknown;
}

/** Steps through validation samples, showing each with the float and int8 predictions side by side. */
export function SampleBrowser({ actions, names, shape, version }: SampleBrowserProps) {
  const [index, setIndex] = useState(0);
  const [view, setView] = useState<SampleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    actions.sample(index).then(
      (v) => {
        if (!live) return;
        setView(v);
        setError(null);
      },
      (e: Error) => {
        if (live) setError(e.message);
      },
    );
    return () => {
      live = false;
    };
  }, [actions, index, version]);
  const count = view?.count ?? 0;
  return (
    <div className="sample-browser" data-testid="sample-browser">
      <div className="button-row">
        <button type="button" disabled={index === 0} onClick={() => setIndex((i) => Math.max(0, i - 1))}>
          ‹ Previous
        </button>
        <span>
          Validation sample {index + 1}
          {count ? ` of ${count}` : ''}
        </span>
        <button
          type="button"
          disabled={count > 0 && index >= count - 1}
          onClick={() => setIndex((i) => i + 1)}
        >
          Next ›
        </button>
      </div>
      {error && <p className="muted">{error}</p>}
      {view && (
        <div className="sample-view">
          <SamplePreview x={view.input} shape={shape} size={112} label={`labelled ${view.label}`} />
          <div>
            <p>
              Labelled <strong>{view.label}</strong>
            </p>
            <PredictionBars prediction={view} names={names} />
          </div>
        </div>
      )}
    </div>
  );
}
