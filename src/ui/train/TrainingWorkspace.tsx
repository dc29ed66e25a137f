import { useMemo, type ReactNode } from 'react';
import { analyzeModel } from '../../core/model/analyze.ts';
import { isTokenStream } from '../../core/model/token-stream.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { layerPackings } from '../../core/quant/packing.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import type { TrainingClient } from '../../train/worker/client.ts';
import type { TrainResult } from '../../train/worker/protocol.ts';
import type { QuantReport } from '../../train/quantize/evaluate.ts';
import type { SavedRun, TrainingRecord } from '../../state/index.ts';
import { BackendBadge } from './BackendBadge.tsx';
import { DatasetPanel } from './DatasetPanel.tsx';
import { QuantizePanel } from './QuantizePanel.tsx';
import { TrainError } from './TrainError.tsx';
import { TrainingPanel } from './TrainingPanel.tsx';
import { TryPanel } from './TryPanel.tsx';
import { useTrainingSession } from './useTrainingSession.ts';
import { Notice } from '../common/Notice.tsx';
import { LivePanel } from '../capture/LivePanel.tsx';
import './train.css';

export interface TrainingWorkspaceProps {
  /** The model to train; training starts over when it changes. */
  readonly model: ModelSpec;
  /** Weights saved with the project, loaded into the model at start. */
  readonly weights?: FloatWeights | null;
  /** Called with the trained weights after every run (finished, stopped or stopped early), to save them. */
  readonly onWeights?: (weights: FloatWeights, result: TrainResult) => void;
  /** The project's record of its last run: shown at start, greyed when `stale` (the model changed since). */
  readonly saved?: { readonly record: TrainingRecord; readonly stale: boolean } | null;
  /** Called when a run ends, to save its curves with the project. */
  readonly onRun?: (run: SavedRun) => void;
  /** Called when a quantization finishes, to save the int8 report with the project. */
  readonly onReport?: (report: QuantReport) => void;
  /** Called when the user asks to see a layer an error or the per-layer table names. */
  readonly onShowLayer?: (layerId: string) => void;
  /** Makes the worker client; tests pass one joined to an in-process session. */
  readonly createClient?: () => TrainingClient;
  /** Shown instead of the Try panel: a character model's WritePanel. */
  readonly writer?: ReactNode;
  /** Names the project, so the text a character model learns from is kept per project (default: the model's name). */
  readonly projectId?: string;
}

/** What the panels need to know of the model; an invalid model (the editor shows why) is a plain one. */
function modelTraits(model: ModelSpec) {
  try {
    const analyzed = analyzeModel(model);
    return { tokenStream: isTokenStream(analyzed), packings: layerPackings(analyzed) };
  } catch {
    return { tokenStream: false, packings: {} };
  }
}

/** Data, training, int8 evaluation and a place to try the model, all driven by a training Web Worker. */
export function TrainingWorkspace(props: TrainingWorkspaceProps) {
  const { view, actions } = useTrainingSession(props);
  const { onShowLayer, model } = props;
  const { tokenStream, packings } = useMemo(() => modelTraits(model), [model]);
  return (
    <section className="train" aria-label="Training" data-testid="training-workspace" data-state={view.state}>
      <header className="train-head">
        <h2>Train · {model.name}</h2>
        <BackendBadge backend={view.backend} />
      </header>
      {view.error && <TrainError error={view.error} {...(onShowLayer ? { onShowLayer } : {})} />}
      {view.weightsProblem && (
        <Notice>
          <p>
            The saved weights do not fit this version of the model, so it starts untrained:{' '}
            {view.weightsProblem}
          </p>
        </Notice>
      )}
      <div className="train-grid">
        <DatasetPanel
          view={view}
          actions={actions}
          inputShape={model.input.shape}
          tokenStream={tokenStream}
          storageKey={props.projectId ?? model.name}
        />
        <TrainingPanel view={view} actions={actions} packings={packings} />
        <QuantizePanel view={view} actions={actions} {...(onShowLayer ? { onShowLayer } : {})} />
        {props.writer ?? <TryPanel view={view} actions={actions} />}
        {!tokenStream && <LivePanel view={view} actions={actions} inputShape={model.input.shape} />}
      </div>
    </section>
  );
}
