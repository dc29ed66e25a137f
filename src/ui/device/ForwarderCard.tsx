import { useState } from 'react';
import { isMinnowError, type MinnowError } from '../../core/errors.ts';
import type { ImuRequest } from '../../core/protocol/index.ts';
import type { FeedState } from '../../device/forwarder-feed.ts';
import { ErrorNote } from '../common/ErrorNote.tsx';
import { RecordingList } from './RecordingList.tsx';
import { SensorSettings } from './SensorSettings.tsx';

export type FeedSourceKind = 'lines' | 'imu';

export interface ForwarderActions {
  readonly onStart: (kind: FeedSourceKind, request: ImuRequest) => void;
  readonly onStop: () => void;
  readonly onRecord: (label: string) => void;
  readonly onStopRecording: () => void;
  /** Throws E554 for names training could not read. */
  readonly onChannels: (names: readonly string[]) => void;
  readonly onRemove: (index: number) => void;
  readonly onDownload: () => void;
}

/** What the sensor settings start with: 50 Hz (the HAR template's rate), ±2 g, ±250 °/s. */
export const DEFAULT_REQUEST: ImuRequest = {
  rateHz: 50,
  samples: 0,
  address: 0x68,
  accelRange: 0,
  gyroRange: 0,
  sdaGpio: 8,
  sclGpio: 9,
};

function status(s: FeedState): string {
  const rate = s.rateHz === undefined ? 'measuring the rate' : `${s.rateHz.toFixed(1)} samples/s`;
  const bad = s.bad > 0 ? `, ${s.bad} bad lines skipped${s.lastBad ? ` (last: ${s.lastBad})` : ''}` : '';
  return `${s.samples} samples, ${rate}${bad}`;
}

/**
 * The data forwarder (docs/SENSORS.md): samples from any sketch that prints numbers, or from the MPU-6050
 * through the Minnow firmware, recorded into labelled recordings for the IMU pipeline.
 */
export function ForwarderCard(props: {
  state: FeedState;
  /** The model's window (its input's first axis), to count windows per recording. */
  steps?: number;
  /** A port is open (for printed lines); the Minnow firmware answers (for the sensor). */
  connected: boolean;
  minnow: boolean;
  /** The MPU-6050 settings, shared with the live test's loop. */
  request: ImuRequest;
  onRequest: (request: ImuRequest) => void;
  actions: ForwarderActions;
}) {
  const { state, steps, connected, minnow, request, onRequest, actions } = props;
  const [kind, setKind] = useState<FeedSourceKind>('lines');
  const [label, setLabel] = useState('idle');
  const [names, setNames] = useState<string>();
  const [nameError, setNameError] = useState<MinnowError>();
  const commitNames = (text: string) => {
    try {
      actions.onChannels(text.split(/[\s,]+/).filter(Boolean));
      setNameError(undefined);
      setNames(undefined);
    } catch (e) {
      if (isMinnowError(e)) setNameError(e);
    }
  };
  return (
    <section className="device-card forwarder" aria-label="Data forwarder">
      <h3>Record sensor data</h3>
      <div className="device-row">
        <label>
          <input type="radio" checked={kind === 'lines'} onChange={() => setKind('lines')} /> Numbers the
          board prints (any sketch, one sample per line)
        </label>
        <label>
          <input type="radio" checked={kind === 'imu'} onChange={() => setKind('imu')} /> MPU-6050 through the
          Minnow firmware
        </label>
      </div>
      {kind === 'imu' && <SensorSettings request={request} onChange={onRequest} />}
      <div className="device-row">
        {state.running ? (
          <button type="button" onClick={actions.onStop}>
            Stop reading
          </button>
        ) : (
          <button
            type="button"
            disabled={!connected || (kind === 'imu' && !minnow)}
            onClick={() => actions.onStart(kind, request)}
          >
            Start reading
          </button>
        )}
        <span className="forwarder-status" data-testid="forwarder-status">
          {status(state)}
        </span>
      </div>
      <div className="device-row">
        <label>
          Channels{' '}
          <input
            value={names ?? state.channels.join(', ')}
            onChange={(e) => setNames(e.target.value)}
            onBlur={(e) => commitNames(e.target.value)}
          />
        </label>
        <label>
          Label{' '}
          <input value={label} data-testid="forwarder-label" onChange={(e) => setLabel(e.target.value)} />
        </label>
        {state.recording ? (
          <button type="button" onClick={actions.onStopRecording}>
            Stop recording “{state.recording.label}” ({state.recording.samples})
          </button>
        ) : (
          <button type="button" disabled={!state.running} onClick={() => actions.onRecord(label)}>
            Record
          </button>
        )}
      </div>
      {nameError && <ErrorNote error={nameError} />}
      {state.notice && <ErrorNote error={state.notice} />}
      <RecordingList
        recordings={state.recordings}
        onRemove={actions.onRemove}
        {...(steps === undefined ? {} : { steps })}
      />
      <button type="button" disabled={state.recordings.length === 0} onClick={actions.onDownload}>
        Download the recordings (IMU recording CSV)
      </button>
    </section>
  );
}
