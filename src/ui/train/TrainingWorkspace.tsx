import type { ModelSpec } from '../../core/model/types.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import type { TrainingClient } from '../../train/worker/client.ts';
import type { TrainResult } from '../../train/worker/protocol.ts';
import { BackendBadge } from './BackendBadge.tsx';
import { DatasetPanel } from './DatasetPanel.tsx';
import { QuantizePanel } from './QuantizePanel.tsx';
import { TrainError } from './TrainError.tsx';
import { TrainingPanel } from './TrainingPanel.tsx';
import { TryPanel } from './TryPanel.tsx';
import { useTrainingSession } from './useTrainingSession.ts';
import './train.css';

export interface TrainingWorkspaceProps {
  /** The model to train; training starts over when it changes. */
  readonly model: ModelSpec;
  /** Weights saved with the project, loaded into the model at start. */
  readonly weights?: FloatWeights | null;
  /** Called with the trained weights after every run (finished, stopped or stopped early), to save them. */
  readonly onWeights?: (weights: FloatWeights, result: TrainResult) => void;
  /** Called when the user asks to see a layer an error or the per-layer table names. */
  readonly onShowLayer?: (layerId: string) => void;
  /** Makes the worker client; tests pass one joined to an in-process session. */
  readonly createClient?: () => TrainingClient;
}

/** Data, training, int8 evaluation and a place to try the model, all driven by a training Web Worker. */
export function TrainingWorkspace(props: TrainingWorkspaceProps) {
  const { view, actions } = useTrainingSession(props);
  const { onShowLayer } = props;
  return (
    <section className="train" aria-label="Training" data-testid="training-workspace" data-state={view.state}>
      <header className="train-head">
        <h2>Train · {props.model.name}</h2>
        <BackendBadge backend={view.backend} />
      </header>
      {view.error && <TrainError error={view.error} {...(onShowLayer ? { onShowLayer } : {})} />}
      {view.weightsProblem && (
        <p className="notice" role="status">
          The saved weights do not fit this version of the model, so it starts untrained:{' '}
          {view.weightsProblem}
        </p>
      )}
      <div className="train-grid">
        <DatasetPanel view={view} actions={actions} inputShape={props.model.input.shape} />
        <TrainingPanel view={view} actions={actions} />
        <QuantizePanel view={view} actions={actions} {...(onShowLayer ? { onShowLayer } : {})} />
        <TryPanel view={view} actions={actions} />
      </div>
    </section>
  );
}
