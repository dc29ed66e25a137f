import { useEffect, useRef, useState } from 'react';
import { CaptureAlert } from './CaptureAlert.tsx';
import { FramePacer } from '../../core/capture/pacer.ts';
import type { Capture } from '../../core/capture/types.ts';
import { SamplePreview } from '../train/SamplePreview.tsx';
import { ClassRow } from './ClassRow.tsx';
import { grabFrame } from './frame-grab.ts';
import { captureInput, newCaptureId } from './inputs.ts';
import type { Captures } from './useCaptures.ts';
import { useCamera } from './useCamera.ts';

const RATES = [1, 2, 5, 10, 15];

/**
 * Webcam frames per class (docs/DATA.md D-8): hold a class's Record button (or Space on its name) and
 * frames are kept at the chosen rate, cropped and scaled to the model's input.
 */
export function CameraCapture({
  captures,
  shape,
  disabled,
}: {
  captures: Captures;
  shape: readonly number[];
  disabled: boolean;
}) {
  const { video, on, error, start: startCamera, stop: stopCamera } = useCamera();
  const [rate, setRate] = useState(5);
  const [selected, setSelected] = useState(0);
  const [recording, setRecording] = useState<string | null>(null);
  const hold = useRef<{ label: string; batch: string; pacer: FramePacer } | null>(null);
  const [h = 0, w = 0] = shape;
  const { add } = captures;

  useEffect(() => {
    if (!on) return;
    const canvas = new OffscreenCanvas(1, 1);
    let frame = 0;
    const tick = (now: number) => {
      const r = hold.current;
      const v = video.current;
      if (r && v && r.pacer.take(now)) {
        const rgb = grabFrame(v, canvas, h, w);
        const c: Capture = {
          id: newCaptureId(),
          kind: 'image',
          label: r.label,
          at: new Date().toISOString(),
          width: w,
          height: h,
          rgb: rgb ?? new Uint8Array(0),
        };
        if (rgb && !add([c], r.batch)) {
          hold.current = null;
          setRecording(null);
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [on, video, add, h, w]);

  const start = (label: string) => {
    if (!on) return;
    hold.current = { label, batch: newCaptureId(), pacer: new FramePacer(rate) };
    setRecording(label);
  };
  const stop = () => {
    hold.current = null;
    setRecording(null);
  };
  const classes = captures.set.classes.image;
  return (
    <div className="capture-camera">
      <div className="capture-source">
        <div className="capture-video">
          <video ref={video} muted playsInline data-testid="capture-video" aria-label="Camera preview" />
          {!on && <p className="muted">Camera off</p>}
        </div>
        <div className="capture-controls">
          {on ? (
            <button type="button" onClick={stopCamera}>
              Stop camera
            </button>
          ) : (
            <button
              type="button"
              data-testid="camera-start"
              disabled={disabled}
              onClick={() => void startCamera()}
            >
              Start camera
            </button>
          )}
          <label>
            Frames a second
            <select value={rate} onChange={(e) => setRate(Number(e.target.value))} data-testid="capture-rate">
              {RATES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <p className="muted">
            The centre square, scaled to {w}×{h}
            {shape[2] === 1 ? ' grey' : ' colour'} as the model sees it. Hold a class’s button, or select the
            class and hold Space, to record; Ctrl+Z undoes.
          </p>
        </div>
      </div>
      <CaptureAlert text={error} testId="capture-error" />
      <ul className="capture-classes">
        {classes.map((name, i) => (
          <ClassRow
            key={name}
            name={name}
            items={captures.set.items.filter((c) => c.kind === 'image' && c.label === name)}
            selected={selected === i}
            recording={recording === name}
            disabled={disabled || !on}
            action="Hold to record"
            onSelect={() => setSelected(i)}
            onStart={() => start(name)}
            onStop={stop}
            onDelete={(id) => captures.remove([id])}
            thumb={(c) => (
              <SamplePreview
                x={captureInput(c, shape)}
                shape={[h, w, shape[2] ?? 3]}
                size={40}
                label={`${name} frame`}
              />
            )}
          />
        ))}
      </ul>
    </div>
  );
}
