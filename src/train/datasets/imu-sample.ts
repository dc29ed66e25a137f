import { gestureDataset, GESTURES } from './gestures.ts';

export interface RecordingOptions {
  /** Recordings of each gesture. */
  readonly perGesture?: number;
  /** Readings per recording: the HAR model's window. */
  readonly steps?: number;
  readonly seed?: number;
}

/** The rate the sample recording is written at, as a phone or an MPU-6050 logs at. */
export const SAMPLE_RATE_HZ = 50;
/** Decimals written: 0.1 mg and 0.1 mrad/s, finer than the generator's noise. */
const DECIMALS = 4;

/**
 * A sample IMU recording in the CSV layout imuWindows reads (docs/DATA.md): header t_ms, ax…gz, label, one
 * row per reading at SAMPLE_RATE_HZ, the time rising through the file. The recordings come from the
 * synthetic gesture generator, each gesture in turn (idle, shake, circle…), `perGesture` times; each is one
 * run of its label, so each gives the HAR model one window of `steps` rows.
 */
export function gestureRecordingCsv(options: RecordingOptions = {}): string {
  const { perGesture = 20, steps = 128, seed = 1 } = options;
  const data = gestureDataset({ count: perGesture * GESTURES.length, steps, channels: 6, seed });
  const names = data.target.kind === 'classes' ? data.target.names : [];
  const labels = data.target.kind === 'classes' ? data.target.labels : new Int32Array();
  const period = 1000 / SAMPLE_RATE_HZ;
  const lines = ['t_ms,ax,ay,az,gx,gy,gz,label'];
  for (let i = 0; i < data.count; i++) {
    const label = names[labels[i] ?? 0] ?? '';
    for (let s = 0; s < steps; s++) {
      const row = i * steps + s;
      const values = Array.from(data.x.subarray(row * 6, row * 6 + 6), (v) => v.toFixed(DECIMALS));
      lines.push(`${row * period},${values.join(',')},${label}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
