import { useEffect, useState } from 'react';
import { CaptureAlert } from './CaptureAlert.tsx';
import { clipLength } from '../../core/capture/clip.ts';
import { captureKindFor } from '../../train/datasets/captures.ts';
import type { Prediction } from '../../train/worker/protocol.ts';
import { PredictionBars } from '../train/PredictionBars.tsx';
import type { TrainingView } from '../train/training-state.ts';
import type { TrainingActions } from '../train/useTrainingSession.ts';
import { grabFrame } from './frame-grab.ts';
import { frameInput } from './inputs.ts';
import { liveLoop } from './live-loop.ts';
import { useCamera } from './useCamera.ts';
import { useMicWindow } from './useMicWindow.ts';

/** Time between two live predictions: about five a second keeps the page responsive on a slow laptop. */
const GAP_MS = 200;

type Predict = TrainingActions['predict'];

function CameraLive({
  shape,
  predict,
  onPrediction,
}: {
  shape: readonly number[];
  predict: Predict;
  onPrediction: (p: Prediction) => void;
}) {
  const { video, on, error, start, stop } = useCamera();
  useEffect(() => {
    if (!on) return;
    const canvas = new OffscreenCanvas(1, 1);
    const [h = 0, w = 0] = shape;
    return liveLoop(() => {
      const rgb = video.current ? grabFrame(video.current, canvas, h, w) : null;
      return rgb ? predict(frameInput(rgb, shape)).then(onPrediction) : null;
    }, GAP_MS);
  }, [on, video, shape, predict, onPrediction]);
  return (
    <div className="live">
      <video ref={video} muted playsInline aria-label="Live camera" />
      <LiveSwitch on={on} start={start} stop={stop} startLabel="Start the camera" />
      <CaptureAlert text={error} testId="live-error" />
    </div>
  );
}

function MicLive({
  length,
  predict,
  onPrediction,
}: {
  length: number;
  predict: Predict;
  onPrediction: (p: Prediction) => void;
}) {
  const { on, error, start, stop, take } = useMicWindow(length);
  useEffect(() => {
    if (!on) return;
    return liveLoop(() => {
      const clip = take();
      return clip ? predict(clip).then(onPrediction) : null;
    }, GAP_MS);
  }, [on, take, predict, onPrediction]);
  return (
    <div className="live">
      <LiveSwitch on={on} start={start} stop={stop} startLabel="Start listening" />
      <CaptureAlert text={error} testId="live-error" />
    </div>
  );
}

/**
 * Live test (docs/DATA.md D-12): the trained model classifies the webcam or the microphone as it happens,
 * float and int8 side by side, about five times a second.
 */
export function LivePanel({
  view,
  actions,
  inputShape,
}: {
  view: TrainingView;
  actions: TrainingActions;
  inputShape: readonly number[];
}) {
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const kind = captureKindFor(inputShape);
  if (!kind || !view.trained || !view.dataset || view.state !== 'idle') return null;
  const props = { predict: actions.predict, onPrediction: setPrediction };
  return (
    <section className="train-panel" aria-labelledby="live-title" data-testid="live-panel">
      <h3 id="live-title">Live test</h3>
      {kind === 'image' ? (
        <CameraLive shape={inputShape} {...props} />
      ) : (
        <MicLive length={clipLength(inputShape)} {...props} />
      )}
      {prediction ? (
        <PredictionBars prediction={prediction} names={view.dataset.classNames} />
      ) : (
        <p className="muted">Start, then show the model what it learned.</p>
      )}
    </section>
  );
}

/** Starts or stops a live device; one button, labelled by what it will do. */
function LiveSwitch(p: {
  on: boolean;
  start: () => Promise<void> | void;
  stop: () => void;
  startLabel: string;
}) {
  return (
    <div className="button-row">
      {p.on ? (
        <button type="button" onClick={p.stop} data-testid="live-stop">
          Stop
        </button>
      ) : (
        <button type="button" onClick={() => void p.start()} data-testid="live-start">
          {p.startLabel}
        </button>
      )}
    </div>
  );
}
