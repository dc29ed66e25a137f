import { windowsOf, type Recording } from '../../core/forwarder/index.ts';

/** The recordings so far: label, samples, rate and the windows each gives the model (docs/DATA.md D-4). */
export function RecordingList(props: {
  recordings: readonly Recording[];
  steps?: number;
  onRemove: (index: number) => void;
}) {
  const { recordings, steps, onRemove } = props;
  if (recordings.length === 0) return <p className="muted">No recordings yet.</p>;
  return (
    <ol className="recordings" data-testid="forwarder-recordings">
      {recordings.map((r, i) => (
        <li key={i}>
          <strong>{r.label}</strong>: {r.samples.length} samples at {r.rateHz.toFixed(1)} Hz
          {steps !== undefined && `, ${windowsOf(r.samples.length, steps)} windows of ${steps}`}{' '}
          <button type="button" onClick={() => onRemove(i)} aria-label={`Delete recording ${i + 1}`}>
            Delete
          </button>
        </li>
      ))}
    </ol>
  );
}
