import { useEffect, useRef, useState } from 'react';
import { CaptureAlert } from './CaptureAlert.tsx';
import { ClipCollector } from '../../core/capture/clip.ts';
import { SOUND_RATE } from '../../core/capture/resample.ts';
import type { Capture } from '../../core/capture/types.ts';
import { ClassRow } from './ClassRow.tsx';
import { ClipThumb } from './ClipThumb.tsx';
import { newCaptureId } from './inputs.ts';
import { errorText } from './media-errors.ts';
import { MicStream } from './mic-stream.ts';
import type { Captures } from './useCaptures.ts';

/**
 * Microphone clips per class (docs/DATA.md D-9): Record (or Space on a class's name) keeps one clip as
 * long as the model listens, resampled to 16 kHz. The microphone opens on the first clip and stays open
 * until the panel closes.
 */
export function MicCapture({
  captures,
  length,
  disabled,
}: {
  captures: Captures;
  length: number;
  disabled: boolean;
}) {
  const mic = useRef<Promise<MicStream> | null>(null);
  const [selected, setSelected] = useState(0);
  const [recording, setRecording] = useState<{ label: string; progress: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { add } = captures;

  useEffect(
    () => () => {
      void mic.current?.then(
        (m) => m.close(),
        () => undefined,
      );
    },
    [],
  );

  const record = async (label: string) => {
    if (recording) return;
    setError(null);
    setRecording({ label, progress: 0 });
    try {
      mic.current ??= MicStream.open();
      const stream = await mic.current.catch((e: unknown) => {
        mic.current = null;
        throw e;
      });
      const collector = new ClipCollector(stream.rate, length);
      await new Promise<void>((resolve) => {
        const stop = stream.listen((block) => {
          setRecording({ label, progress: collector.progress });
          if (collector.push(block)) {
            stop();
            resolve();
          }
        });
      });
      const clip: Capture = {
        id: newCaptureId(),
        kind: 'sound',
        label,
        at: new Date().toISOString(),
        rate: SOUND_RATE,
        samples: collector.clip(),
      };
      add([clip], clip.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRecording(null);
    }
  };

  const classes = captures.set.classes.sound;
  return (
    <div className="capture-mic">
      <p className="muted">
        Each clip is {(length / SOUND_RATE).toFixed(2).replace(/\.?0+$/, '')} s at 16 kHz, as long as the
        model listens. Record the room itself in “background noise”.
      </p>
      {recording && (
        <progress
          max={1}
          value={recording.progress}
          data-testid="clip-progress"
          aria-label={`Recording ${recording.label}`}
        />
      )}
      <CaptureAlert text={error} testId="capture-error" />
      <ul className="capture-classes">
        {classes.map((name, i) => (
          <ClassRow
            key={name}
            name={name}
            items={captures.set.items.filter((c) => c.kind === 'sound' && c.label === name)}
            selected={selected === i}
            recording={recording?.label === name}
            disabled={disabled || recording !== null}
            action="Record a clip"
            onSelect={() => setSelected(i)}
            onStart={() => void record(name)}
            onStop={() => undefined}
            onTap={() => void record(name)}
            onDelete={(id) => captures.remove([id])}
            thumb={(c) => (c.kind === 'sound' ? <ClipThumb clip={c} /> : null)}
          />
        ))}
      </ul>
    </div>
  );
}
