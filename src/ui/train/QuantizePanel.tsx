import { manyClasses } from './classes.ts';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { LayerErrors } from './LayerErrors.tsx';
import type { QuantReport } from '../../train/quantize/evaluate.ts';
import { LastRun } from './LastRun.tsx';
import { showsSavedReport } from './saved-run.ts';
import type { TrainingView } from './training-state.ts';
import type { TrainingActions } from './useTrainingSession.ts';

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

/** Post-training int8 quantization and the board's score on validation data, beside the float model's. */
export function QuantizePanel({
  view,
  actions,
  onShowLayer,
}: {
  view: TrainingView;
  actions: TrainingActions;
  onShowLayer?: (id: string) => void;
}) {
  const r = view.report;
  const can =
    view.ready && view.trained && view.dataset !== null && view.state === 'idle' && view.busy === null;
  return (
    <section className="train-panel" aria-labelledby="quant-title">
      <h3 id="quant-title">int8 on the board</h3>
      <p className="muted">
        Quantizes the trained weights to int8 (ranges calibrated on training samples) and scores the
        validation set with the same integer arithmetic the board runs.
      </p>
      <button
        type="button"
        className="primary"
        disabled={!can}
        data-testid="quantize"
        onClick={actions.quantize}
      >
        Quantize and test int8
      </button>
      {view.state === 'quantizing' && (
        <p className="muted" data-testid="quant-progress">
          Testing int8… {view.quantProgress ? `${view.quantProgress.done}/${view.quantProgress.total}` : ''}
        </p>
      )}
      {r && view.restored && showsSavedReport(view) ? (
        <LastRun restored={view.restored} what="int8 report">
          <Report report={r} {...(onShowLayer ? { onShowLayer } : {})} />
        </LastRun>
      ) : (
        r && <Report report={r} {...(onShowLayer ? { onShowLayer } : {})} />
      )}
    </section>
  );
}

/** Float against int8, the confusion matrix and each layer's error. */
function Report({ report: r, onShowLayer }: { report: QuantReport; onShowLayer?: (id: string) => void }) {
  const classes = r.task === 'classes';
  const show = (v: number) => (classes ? pct(v) : v.toFixed(4));
  return (
    <div data-testid="quant-report">
      <dl className="compare">
        <div>
          <dt>float ({classes ? 'accuracy' : 'mean abs. error'})</dt>
          <dd data-testid="float-score" data-value={r.float}>
            {show(r.float)}
          </dd>
        </div>
        <div>
          <dt>int8 on the board</dt>
          <dd data-testid="int8-score" data-value={r.int8}>
            {show(r.int8)}
          </dd>
        </div>
        <div>
          <dt>difference</dt>
          <dd>
            {classes ? `${(100 * (r.int8 - r.float)).toFixed(1)} points` : (r.int8 - r.float).toFixed(4)}
          </dd>
        </div>
      </dl>
      <p className="muted">
        {r.samples} validation samples · calibrated on {r.calibrationSamples} · blob{' '}
        {r.blobBytes.toLocaleString('en')} B · arena {r.arenaBytes.toLocaleString('en')} B
        {r.agreement !== null ? ` · int8 agrees with float on ${pct(r.agreement)}` : ''}
      </p>
      {classes && manyClasses(r.classNames.length) && (
        <p className="muted">
          No confusion matrix: {r.classNames.length} classes make a table too big to read.
        </p>
      )}
      {classes && !manyClasses(r.classNames.length) && (
        <ConfusionMatrix
          names={r.classNames}
          counts={r.confusion}
          caption="int8 confusion matrix (validation)"
        />
      )}
      <LayerErrors layers={r.layers} worst={r.worstLayer} {...(onShowLayer ? { onShowLayer } : {})} />
    </div>
  );
}
