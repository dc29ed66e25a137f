import { useState } from 'react';
import type { DeviceState } from '../../device/session.ts';

/** Validate on device: N samples, every output byte compared with the browser's reference interpreter. */
export function ValidateCard(props: {
  state: DeviceState;
  available: number;
  disabled: boolean;
  onValidate: (count: number) => void;
}) {
  const { state, available, disabled, onValidate } = props;
  const [count, setCount] = useState(Math.min(100, available));
  const v = state.validation;
  const r = v?.report;
  return (
    <section className="device-card validate" aria-label="Validate on device">
      <h3>Validate on device</h3>
      <div className="device-row">
        <label>
          Samples{' '}
          <input
            type="number"
            min={1}
            max={available}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          disabled={disabled || available === 0}
          onClick={() => onValidate(Math.max(1, Math.min(count, available)))}
        >
          Validate {count} samples
        </button>
        {v && !r && <progress max={v.total} value={v.done} />}
      </div>
      {r && (
        <div className="validate-result">
          <p className={r.agreementPercent === 100 ? 'ok' : 'bad'}>
            Agreement with the browser: <strong>{r.agreementPercent.toFixed(1)}%</strong> ({r.identical} of{' '}
            {r.samples} samples identical to the byte, {r.byteMismatches} differing bytes)
          </p>
          {r.firstMismatch && (
            <p className="bad">
              First difference: sample {r.firstMismatch.sample}, output byte {r.firstMismatch.byte}: board{' '}
              {r.firstMismatch.board}, browser {r.firstMismatch.reference}. Report it with the blob: the
              firmware and the app disagree.
            </p>
          )}
          {r.accuracyPercent !== undefined && (
            <p>
              Accuracy on the board: <strong>{r.accuracyPercent.toFixed(1)}%</strong> ({r.correct} of{' '}
              {r.labelled})
            </p>
          )}
          {r.meanLatencyMs !== undefined && <p>Mean latency on the board: {r.meanLatencyMs.toFixed(2)} ms</p>}
        </div>
      )}
    </section>
  );
}
