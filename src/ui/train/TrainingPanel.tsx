import type { WeightPacking } from '../../core/model/types.ts';
import { formatDuration } from '../../train/session/progress.ts';
import { LineChart } from './LineChart.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { LastRun } from './LastRun.tsx';
import { batchesPerEpoch, showsSavedRun } from './saved-run.ts';
import type { TrainingView } from './training-state.ts';
import type { TrainingActions } from './useTrainingSession.ts';

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${(100 * v).toFixed(1)} %`;

function Controls({ view, actions }: { view: TrainingView; actions: TrainingActions }) {
  const { state } = view;
  const canStart = view.ready && view.dataset !== null && state === 'idle' && view.busy === null;
  return (
    <div className="button-row">
      <button
        type="button"
        className="primary"
        disabled={!canStart}
        data-testid="train-start"
        onClick={() => actions.train(false)}
      >
        {view.trained ? 'Train from scratch' : 'Train'}
      </button>
      {state === 'training' && (
        <button type="button" data-testid="train-pause" onClick={actions.pause}>
          Pause
        </button>
      )}
      {state === 'paused' && (
        <button type="button" data-testid="train-resume" onClick={actions.resume}>
          Resume
        </button>
      )}
      {(state === 'training' || state === 'paused') && (
        <button type="button" data-testid="train-stop" onClick={actions.stop}>
          Stop
        </button>
      )}
      {state === 'idle' && view.trained && (
        <button
          type="button"
          disabled={!canStart}
          data-testid="train-continue"
          onClick={() => actions.train(true)}
        >
          Continue training
        </button>
      )}
    </div>
  );
}

function ProgressLine({ view }: { view: TrainingView }) {
  const p = view.progress;
  if (!p) return null;
  const epochs = view.settings?.epochs ?? 0;
  const running = view.state === 'training' || view.state === 'paused';
  return (
    <div className="train-progress" data-testid="train-progress" data-state={view.state}>
      <progress max={1} value={p.fraction} aria-label="Training progress" />
      <span>
        Epoch {Math.min(p.epoch + 1, Math.max(epochs, p.epoch + 1))}/{Math.max(epochs, p.epoch + 1)} ·{' '}
        {Math.round(p.samplesPerSecond)} samples/s
        {running && p.etaMs !== null ? ` · ${formatDuration(p.etaMs)} left` : ''}
        {view.state === 'paused' ? ' · paused' : ''}
      </span>
    </div>
  );
}

/** Per batch (thin line) and per epoch on validation (points joined), both against batches trained. */
function Charts({ view, metric }: { view: TrainingView; metric: string }) {
  const perEpoch = batchesPerEpoch(view);
  const atEpochEnd = (epoch: number) => (epoch + 1) * perEpoch;
  const validation = 'var(--ok)';
  return (
    <div className="charts">
      <LineChart
        title="Loss"
        xLabel="batch"
        series={[
          { name: 'batch', points: view.batches.map((b) => [b.step + 1, b.loss] as const) },
          {
            name: 'validation',
            color: validation,
            dots: true,
            points: view.epochs.map((e) => [atEpochEnd(e.epoch), e.valLoss ?? NaN] as const),
          },
        ]}
      />
      <LineChart
        title={`${metric[0]?.toUpperCase()}${metric.slice(1)}`}
        xLabel="batch"
        series={[
          { name: 'batch', points: view.batches.map((b) => [b.step + 1, b.metric ?? NaN] as const) },
          {
            name: 'validation',
            color: validation,
            dots: true,
            points: view.epochs.map((e) => [atEpochEnd(e.epoch), e.valMetric ?? NaN] as const),
          },
        ]}
      />
    </div>
  );
}

/** Settings, start/pause/resume/stop, a progress bar with ETA, and loss/metric charts per batch and epoch. */
export function TrainingPanel({
  view,
  actions,
  packings,
}: {
  view: TrainingView;
  actions: TrainingActions;
  /** The model's layers packed below int8, for the quantization-aware setting. */
  packings?: Readonly<Record<string, WeightPacking>>;
}) {
  const saved = showsSavedRun(view) ? view.restored : null;
  const classes = (view.dataset ?? saved?.record.dataset)?.task !== 'values';
  const metric = classes ? 'accuracy' : 'mean abs. error';
  const last = view.epochs.at(-1);
  const results = (
    <>
      {last && (
        <p className="epoch-line">
          After epoch {last.epoch + 1}: {metric}{' '}
          <strong data-testid="val-metric" data-value={last.valMetric ?? ''}>
            {classes ? pct(last.valMetric) : (last.valMetric?.toFixed(4) ?? '–')}
          </strong>{' '}
          on validation ({classes ? pct(last.metric) : last.metric?.toFixed(4)} on training)
          {view.result && view.state === 'idle' ? ` · ${view.result.end.replace('-', ' ')}` : ''}
        </p>
      )}
      {view.batches.length > 0 && <Charts view={view} metric={metric} />}
    </>
  );
  return (
    <section className="train-panel" aria-labelledby="training-title">
      <h3 id="training-title">Training</h3>
      {view.settings && (
        <SettingsForm
          settings={view.settings}
          disabled={view.state !== 'idle'}
          onChange={actions.setSettings}
          packings={packings}
        />
      )}
      <Controls view={view} actions={actions} />
      <ProgressLine view={view} />
      {saved && (last || view.batches.length > 0) ? (
        <LastRun restored={saved} what="curves">
          {results}
        </LastRun>
      ) : (
        results
      )}
    </section>
  );
}
