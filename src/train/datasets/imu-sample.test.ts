import { describe, expect, it } from 'vitest';
import { gestureDataset, GESTURES } from './gestures.ts';
import { gestureRecordingCsv, SAMPLE_RATE_HZ } from './imu-sample.ts';
import { imuWindows } from './imu.ts';

describe('gestureRecordingCsv', () => {
  const options = { perGesture: 3, steps: 16, seed: 4 };
  const csv = gestureRecordingCsv(options);
  const lines = csv.trimEnd().split('\n');

  it('[D-4] writes one row per reading at 50 Hz under the header imuWindows reads', () => {
    expect(lines[0]).toBe('t_ms,ax,ay,az,gx,gy,gz,label');
    expect(lines).toHaveLength(1 + 3 * GESTURES.length * 16);
    const times = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(times.slice(0, 3)).toEqual([0, 1000 / SAMPLE_RATE_HZ, 2000 / SAMPLE_RATE_HZ]);
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] as number))).toBe(true);
    // Each gesture in turn, one recording of 16 rows each.
    expect(lines.slice(1, 1 + 16 * 5 + 1).map((l) => l.split(',')[7])).toEqual([
      ...GESTURES.flatMap((g) => new Array<string>(16).fill(g)),
      'idle',
    ]);
  });

  it("[D-4] reads back into the generator's samples, one window per recording, classes the gestures", () => {
    const { dataset, report } = imuWindows(csv, 'gesture-recording.csv', { steps: 16 });
    const generated = gestureDataset({ count: 3 * GESTURES.length, steps: 16, channels: 6, seed: 4 });
    expect(dataset.sampleShape).toEqual([16, 6]);
    expect(dataset.count).toBe(generated.count);
    expect(dataset.target.kind === 'classes' && [...dataset.target.names].sort()).toEqual(
      [...GESTURES].sort(),
    );
    const names = (d: typeof dataset) =>
      d.target.kind === 'classes'
        ? Array.from(d.target.labels, (l) => (d.target.kind === 'classes' ? d.target.names[l] : ''))
        : [];
    expect(names(dataset)).toEqual(names(generated));
    // Written with 4 decimals: each value within half a unit of the last one.
    const worst = dataset.x.reduce((m, v, i) => Math.max(m, Math.abs(v - (generated.x[i] as number))), 0);
    expect(worst).toBeLessThanOrEqual(0.00005 + 1e-6);
    expect(report.issueCount).toBe(0);
    expect(report.notes.join(' ')).toMatch(/Time columns are ignored/);
  });
});
