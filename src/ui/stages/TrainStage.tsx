import { useCallback } from 'react';
import type { FloatWeights } from '../../core/quant/types.ts';
import { useActions, useEditor, useModel } from '../hooks/useEditor.ts';
import { TrainingWorkspace } from '../train/TrainingWorkspace.tsx';
import type { Sample } from '../device/RunSample.tsx';
import { FEED_SAMPLES, type SampleFeed } from './sample-feed.ts';

interface Props {
  readonly feed: SampleFeed;
  /** Why the saved weights no longer fit the model, if they do not. */
  readonly stale: string | null;
  readonly onSamples: (samples: Sample[]) => void;
}

/** The training workspace on the open project: its weights come from the project and go back into it. */
export default function TrainStage({ feed, stale, onSamples }: Props) {
  const model = useModel();
  const projectId = useEditor((s) => s.currentId);
  const saved = useEditor((s) => s.weights[s.currentId] ?? null);
  const { setWeights, select, setStage } = useActions();
  const onWeights = useCallback(
    (weights: FloatWeights) => {
      setWeights(projectId, weights);
      void feed.read(FEED_SAMPLES).then(onSamples);
    },
    [projectId, setWeights, feed, onSamples],
  );
  const onShowLayer = useCallback(
    (id: string) => {
      setStage('design');
      select(id);
    },
    [select, setStage],
  );
  return (
    <>
      {stale && (
        <p className="notice stale-weights" role="status" data-testid="weights-stale">
          The trained weights no longer fit the model ({stale}). Train again: until then the board gets
          untrained weights.
        </p>
      )}
      <TrainingWorkspace
        model={model}
        weights={stale ? null : saved}
        onWeights={onWeights}
        onShowLayer={onShowLayer}
        createClient={feed.createClient}
      />
    </>
  );
}
