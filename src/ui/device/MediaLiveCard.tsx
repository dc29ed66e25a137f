import { useCallback, useEffect, useState } from 'react';
import { CaptureAlert } from '../capture/CaptureAlert.tsx';
import { argMax } from '../../core/arrays.ts';
import { clipLength } from '../../core/capture/clip.ts';
import type { CaptureKind } from '../../core/capture/types.ts';
import { SOUND_RATE } from '../../core/capture/resample.ts';
import { isMinnowError, type MinnowError } from '../../core/errors.ts';
import type { BoardInfo } from '../../core/protocol/index.ts';
import type { BoardClient } from '../../device/board-client.ts';
import { liveRun, type LiveResult, type Prediction } from '../../device/live-test.ts';
import { liveLoop } from '../capture/live-loop.ts';
import { ErrorNote } from '../common/ErrorNote.tsx';
import { LiveResultTable } from './LiveResultTable.tsx';
import { useMediaInput } from './useMediaInput.ts';

/** Time between two runs when classifying on: the board's run and the serial line set the real pace. */
const GAP_MS = 250;

export interface MediaLiveProps {
  readonly kind: CaptureKind;
  /** The flashed model's input shape: [h, w, 1|3] for a camera, [N] for 16 kHz audio. */
  readonly shape: readonly number[];
  readonly blob: Uint8Array;
  readonly client?: BoardClient | undefined;
  readonly info?: BoardInfo | undefined;
  /** The board is connected, flashed and idle. */
  readonly ready: boolean;
  /** The Board tab is shown: leaving it stops classifying. */
  readonly active: boolean;
  readonly classNames?: readonly string[] | undefined;
  /** The float model's scores for the same input, when the page has the float model. */
  readonly floatScores?: ((input: Float32Array) => readonly number[]) | undefined;
}

/**
 * The live test with the camera or the microphone (D-13): a frame, or the last clip, made exactly as the
 * capture makes it, run on the board beside the browser's int8 reference, once or again and again.
 */
export function MediaLiveCard({
  kind,
  shape,
  blob,
  client,
  info,
  ready,
  active,
  classNames,
  floatScores,
}: MediaLiveProps) {
  const { video, on, error: mediaError, start, stop, take } = useMediaInput(kind, shape);
  const [result, setResult] = useState<LiveResult>();
  const [float, setFloat] = useState<Prediction>();
  const [count, setCount] = useState(0);
  const [error, setError] = useState<MinnowError>();
  const [busy, setBusy] = useState(false);
  const [looping, setLooping] = useState(false);
  const [early, setEarly] = useState(false);
  /** One run, or nothing while the device has not delivered a whole frame or clip; a failure is shown. */
  const classify = useCallback(async (): Promise<void> => {
    const values = take();
    setEarly(!values);
    if (!values || !client) return;
    try {
      setResult(await liveRun(client, blob, values, info));
      const scores = floatScores?.(values);
      setFloat(scores ? { scores, best: argMax(scores) } : undefined);
      setCount((n) => n + 1);
    } catch (e) {
      if (!isMinnowError(e)) throw e;
      setError(e);
      setLooping(false);
    }
  }, [take, client, blob, info, floatScores]);
  const canRun = ready && on;
  // Leaving the tab, stopping the device or a busy board ends the loop for good: it does not resume by itself.
  if (looping && (!canRun || !active)) setLooping(false);
  // Nor does the camera or microphone stay on behind another tab.
  if (on && !active) stop();
  useEffect(() => {
    if (!looping) return;
    return liveLoop(classify, GAP_MS);
  }, [looping, classify]);
  const once = () => {
    setError(undefined);
    setBusy(true);
    void classify().finally(() => setBusy(false));
  };
  const toggle = () => {
    setError(undefined);
    setLooping(!looping);
  };
  const device = kind === 'image' ? 'camera' : 'microphone';
  const seconds = clipLength(shape) / SOUND_RATE;
  return (
    <section className="device-card live-test" aria-label={`Live test with the ${device}`}>
      <h3>Live test on the board with the {device}</h3>
      {kind === 'image' && <video className="live-video" ref={video} muted playsInline />}
      <div className="device-row">
        <button type="button" onClick={() => void (on ? stop() : start())}>
          {on ? `Stop the ${device}` : kind === 'image' ? 'Start the camera' : 'Start listening'}
        </button>
        <button type="button" disabled={!canRun || busy || looping} onClick={once}>
          {kind === 'image' ? 'Classify this frame' : `Classify the last ${seconds} s`}
        </button>
        <button type="button" disabled={!canRun && !looping} onClick={toggle}>
          {looping ? 'Stop classifying' : 'Keep classifying'}
        </button>
        {count > 0 && (
          <span data-testid="live-count">
            {`${count} ${kind === 'image' ? 'frame' : 'clip'}${count === 1 ? '' : 's'} classified`}
          </span>
        )}
      </div>
      {early && on && (
        <p className="muted" data-testid="media-early">
          {kind === 'image'
            ? 'No frame from the camera yet: try again in a moment.'
            : `The microphone has not heard ${seconds} s yet: try again in a moment.`}
        </p>
      )}
      {!ready && <p className="muted">Flash the model and wait for the board to report it ready.</p>}
      <CaptureAlert text={mediaError} testId="media-error" />
      {error && <ErrorNote error={error} />}
      {result && <LiveResultTable result={result} classNames={classNames} float={float} />}
    </section>
  );
}
