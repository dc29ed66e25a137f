import { useState } from 'react';
import { saveFile } from '../device/save-file.ts';

export const SAMPLE_RECORDING_FILE = 'gesture-recording.csv';

/** Makes the sample recording only when asked for, so its generator stays out of the page until then. */
async function downloadSample(steps: number): Promise<void> {
  const { gestureRecordingCsv } = await import('../../train/datasets/imu-sample.ts');
  saveFile({ name: SAMPLE_RECORDING_FILE, mime: 'text/csv', data: gestureRecordingCsv({ steps }) });
}

/** What an IMU recording file holds, a sample one to download, and where the format is written down. */
export function ImuDataHelp({ steps }: { steps: number }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="data-help" data-testid="imu-help">
      <p>
        An IMU recording is a CSV file, one row per reading in time order at a steady rate, with the columns{' '}
        <code>ax, ay, az</code> (accelerometer), <code>gx, gy, gz</code> (gyroscope) and <code>label</code>{' '}
        (what was being done). A time column such as <code>t_ms</code> may come first; it is ignored. Windows
        of {steps} rows are cut from each run of one label.
      </p>
      <pre className="fig">
        t_ms,ax,ay,az,gx,gy,gz,label{'\n'}0,0.01,-0.02,0.99,0.00,0.01,0.00,idle{'\n'}
        20,0.02,-0.01,1.00,0.01,0.00,0.00,idle
      </pre>
      <div className="button-row">
        <button
          type="button"
          data-testid="imu-sample-download"
          onClick={() =>
            downloadSample(steps).then(
              () => setError(null),
              (e: Error) => setError(e.message),
            )
          }
        >
          Download a sample recording
        </button>
        <span className="muted">
          Every data format is described in <code>docs/DATA.md</code>.
        </span>
      </div>
      {error && <p className="muted">{error}</p>}
    </div>
  );
}
