import type { DataSource } from '../../train/worker/protocol.ts';
import { CapturePanel } from '../capture/CapturePanel.tsx';
import { DataSummary } from './DataSummary.tsx';
import { TextCorpus } from './TextCorpus.tsx';
import type { TrainingActions } from './useTrainingSession.ts';
import type { TrainingView } from './training-state.ts';
import { ValueSources } from './ValueSources.tsx';

/** The data a model learns from: text for a character model, else built-in sets and uploads; then what was loaded. */
export function DatasetPanel({
  view,
  actions,
  inputShape,
  tokenStream = false,
  storageKey = '',
}: {
  view: TrainingView;
  actions: TrainingActions;
  inputShape: readonly number[];
  /** The model reads one token per run (isTokenStream): it learns from text. */
  tokenStream?: boolean;
  /** Names the project, to keep its text under. */
  storageKey?: string;
}) {
  const idle = view.ready && view.busy === null && view.state === 'idle';
  const load = (source: DataSource | null) => source && actions.loadData(source);
  return (
    <section className="train-panel" aria-labelledby="data-title">
      <h3 id="data-title">Data</h3>
      {tokenStream ? (
        <TextCorpus
          key={storageKey}
          storageKey={storageKey}
          disabled={!idle}
          autoLoad={idle && view.dataset === null && view.error === null}
          onLoad={load}
        />
      ) : (
        <>
          <ValueSources disabled={!idle} load={load} inputShape={inputShape} />
          <CapturePanel projectId={storageKey} inputShape={inputShape} disabled={!idle} load={load} />
        </>
      )}
      {view.busy === 'data' && <p className="muted">Loading…</p>}
      {view.dataset && <DataSummary summary={view.dataset} text={tokenStream} />}
    </section>
  );
}
