import { useCallback, useMemo } from 'react';
import type { FloatWeights } from '../../core/quant/types.ts';
import { useActions, useEditor, useModel } from '../hooks/useEditor.ts';
import { TrainingWorkspace } from '../train/TrainingWorkspace.tsx';
import { WritePanel } from '../train/WritePanel.tsx';
import { Notice } from '../common/Notice.tsx';
import type { Sample } from '../device/RunSample.tsx';
import { isTokenStreamSpec, writerInput, type CompiledModel } from './compiled-model.ts';
import { FEED_SAMPLES, type SampleFeed } from './sample-feed.ts';
import type { SavedTraining } from './useSavedTraining.ts';
import type { SavedRun } from '../../state/index.ts';
import type { QuantReport } from '../../train/quantize/evaluate.ts';

interface Props {
  readonly feed: SampleFeed;
  /** Why the saved weights no longer fit the model, if they do not. */
  readonly stale: string | null;
  /** The project's record of its last run, and the fingerprint of the model as it is now. */
  readonly saved: SavedTraining | null;
  readonly fingerprint: string;
  readonly onSamples: (projectId: string, samples: Sample[]) => void;
  /** The blob the board gets (null until compiled): a token-stream model writes text on the page with it. */
  readonly compiled: CompiledModel | null;
}

/**
 * The training workspace on the open project: its weights come from the project and go back into it. A
 * token-stream model writes on the page with the board's blob instead of the Try panel.
 */
export default function TrainStage({ feed, stale, saved, fingerprint, onSamples, compiled }: Props) {
  const model = useModel();
  const tokenStream = useMemo(() => isTokenStreamSpec(model), [model]);
  const writer = compiled ? writerInput(compiled) : { blob: null, reason: 'Compiling the model…' };
  const projectId = useEditor((s) => s.currentId);
  const savedWeights = useEditor((s) => s.weights[s.currentId] ?? null);
  const { setWeights, saveTraining, select, setStage } = useActions();
  const onWeights = useCallback(
    (weights: FloatWeights) => {
      setWeights(projectId, weights);
      void feed.read(FEED_SAMPLES).then((samples) => {
        onSamples(projectId, samples);
        if (samples.length > 0) saveTraining(projectId, { model: fingerprint, calibration: samples });
      });
    },
    [projectId, setWeights, saveTraining, fingerprint, feed, onSamples],
  );
  const onRun = useCallback(
    (run: SavedRun) => saveTraining(projectId, { model: fingerprint, run }),
    [projectId, fingerprint, saveTraining],
  );
  const onReport = useCallback(
    (report: QuantReport) => saveTraining(projectId, { model: fingerprint, report }),
    [projectId, fingerprint, saveTraining],
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
        <Notice testId="weights-stale">
          <p>
            The trained weights no longer fit the model ({stale}). Train again: until then the board gets
            untrained weights.
          </p>
        </Notice>
      )}
      <TrainingWorkspace
        model={model}
        weights={stale ? null : savedWeights}
        onWeights={onWeights}
        saved={saved}
        onRun={onRun}
        onReport={onReport}
        onShowLayer={onShowLayer}
        createClient={feed.createClient}
        projectId={projectId}
        {...(tokenStream ? { writer: <WritePanel blob={writer.blob} reason={writer.reason} /> } : {})}
      />
    </>
  );
}
