import { useState } from 'react';
import type { Prediction } from '../../train/worker/protocol.ts';
import { DrawingPad } from '../common/DrawingPad.tsx';
import { PredictionBars } from './PredictionBars.tsx';
import { SampleBrowser } from './SampleBrowser.tsx';
import type { TrainingView } from './training-state.ts';
import type { TrainingActions } from './useTrainingSession.ts';

/** A model that reads 28x28 grey digits into 10 classes can be tried on a drawing. */
function readsDigits(view: TrainingView): boolean {
  const d = view.dataset;
  return d !== null && d.sampleShape.reduce((a, b) => a * b, 1) === 784 && d.classNames.length === 10;
}

/** Try the model: draw a digit (MNIST models) or browse validation samples, float and int8 side by side. */
export function TryPanel({ view, actions }: { view: TrainingView; actions: TrainingActions }) {
  const [drawn, setDrawn] = useState<Prediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!view.trained || !view.dataset || view.state !== 'idle') return null;
  const names = view.dataset.classNames;
  const version = `${view.result?.epochsDone}/${view.report?.int8 ?? ''}`;
  return (
    <section className="train-panel" aria-labelledby="try-title">
      <h3 id="try-title">Try it</h3>
      {readsDigits(view) && (
        <div className="try-draw">
          <DrawingPad
            centre
            label="Draw a digit here"
            testId="drawing-pad"
            onDraw={(pixels) =>
              actions.predict(pixels).then(
                (p) => {
                  setDrawn(p);
                  setError(null);
                },
                (e: Error) => setError(e.message),
              )
            }
          />
          {drawn ? (
            <PredictionBars prediction={drawn} names={names} />
          ) : (
            <p className="muted">Draw a digit.</p>
          )}
          {error && <p className="muted">{error}</p>}
        </div>
      )}
      <SampleBrowser actions={actions} names={names} shape={view.dataset.sampleShape} version={version} />
    </section>
  );
}
