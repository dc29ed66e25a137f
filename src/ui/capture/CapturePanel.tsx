import { useState, type KeyboardEvent } from 'react';
import { CaptureAlert } from './CaptureAlert.tsx';
import { clipLength } from '../../core/capture/clip.ts';
import { formatBytes } from '../../core/units.ts';
import { captureKindFor } from '../../train/datasets/captures.ts';
import type { DataSource } from '../../train/worker/protocol.ts';
import { CameraCapture } from './CameraCapture.tsx';
import { downloadImageZip } from './export-zip.ts';
import { MicCapture } from './MicCapture.tsx';
import { useCaptures, type Captures } from './useCaptures.ts';
import './capture.css';

interface Props {
  readonly projectId: string;
  readonly inputShape: readonly number[];
  readonly disabled: boolean;
  readonly load: (source: DataSource) => void;
}

/** Record a data set where it happens (docs/DATA.md D-8 to D-11), for models that read images or sound. */
export function CapturePanel(props: Props) {
  const kind = captureKindFor(props.inputShape);
  return kind ? <CaptureBody key={props.projectId} {...props} kind={kind} /> : null;
}

function Quota({ captures }: { captures: Captures }) {
  const q = captures.quota;
  if (!q || q.level === 'unknown') return null;
  return (
    <p className={`capture-quota ${q.level}`} data-testid="capture-quota" data-level={q.level}>
      Browser storage: {formatBytes(q.used)} of {formatBytes(q.quota)} used ({Math.round(q.fraction * 100)}{' '}
      %).
      {q.message && <span role={q.level === 'full' ? 'alert' : 'status'}> {q.message}</span>}
    </p>
  );
}

function AddClass({ onAdd }: { onAdd: (name: string) => string | null }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="capture-add"
      onSubmit={(e) => {
        e.preventDefault();
        const refused = onAdd(name);
        setProblem(refused);
        if (!refused) setName('');
      }}
    >
      <input
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="new class"
        aria-label="New class name"
        data-testid="capture-new-class"
      />
      <button type="submit">Add class</button>
      {problem && <span className="capture-error">{problem}</span>}
    </form>
  );
}

function CaptureBody({ projectId, inputShape, disabled, load, kind }: Props & { kind: 'image' | 'sound' }) {
  const [h = 0, w = 0] = inputShape;
  const length = clipLength(inputShape);
  const captures = useCaptures(projectId, (kind === 'image' ? h * w * 3 : length * 2) + 128);
  const [exported, setExported] = useState<string | null>(null);
  const mine = captures.set.items.filter((c) => c.kind === kind);
  const onKey = (e: KeyboardEvent) => {
    // Ctrl+Z here undoes the last recording or deletion, not the model edit the app-wide key would undo.
    const typing = e.target instanceof HTMLInputElement;
    if (!typing && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      e.stopPropagation();
      captures.undo();
    }
  };
  const exportZip = () =>
    void downloadImageZip(captures.set, `${projectId.replace(/\W+/g, '-')}-images`).then(
      (n) => setExported(`${n} frames exported: unpack the zip and pick its folder as an image folder.`),
      (e: unknown) => setExported(`Export failed: ${String(e)}`),
    );
  return (
    <section
      className="capture"
      aria-label={kind === 'image' ? 'Webcam recording' : 'Microphone recording'}
      data-testid="capture-panel"
      onKeyDown={onKey}
    >
      <h4>{kind === 'image' ? 'Record from the webcam' : 'Record from the microphone'}</h4>
      <Quota captures={captures} />
      <CaptureAlert text={captures.error} testId="capture-store-error" />
      {!captures.loaded ? (
        <p className="muted">Loading recordings…</p>
      ) : kind === 'image' ? (
        <CameraCapture captures={captures} shape={inputShape} disabled={disabled} />
      ) : (
        <MicCapture captures={captures} length={length} disabled={disabled} />
      )}
      <AddClass onAdd={(name) => captures.addClass(kind, name)} />
      <div className="button-row">
        <button
          type="button"
          disabled={!captures.canUndo}
          onClick={captures.undo}
          title="Undo the last recording or deletion (Ctrl+Z)"
          data-testid="capture-undo"
        >
          Undo last recording
        </button>
        <button
          type="button"
          disabled={disabled || mine.length === 0}
          onClick={() => load({ kind: 'captures', set: captures.set })}
          data-testid="load-captures"
        >
          Train on these {mine.length} recordings
        </button>
        {kind === 'image' && (
          <button
            type="button"
            disabled={mine.length === 0}
            onClick={exportZip}
            data-testid="capture-export-zip"
          >
            Download as image folder (.zip)
          </button>
        )}
      </div>
      {exported && (
        <p className="muted" data-testid="capture-exported">
          {exported}
        </p>
      )}
    </section>
  );
}
