import { describe, expect, it } from 'vitest';
import { gestureDataset, GESTURES } from './gestures.ts';
import { imuWindows } from './imu.ts';
import { errorCode } from '../test-support.ts';

function recording(label: string, rows: number, from: number): string[] {
  return Array.from({ length: rows }, (_, i) => `${from + i},${i},${-i},${label}`);
}

describe('imuWindows', () => {
  it('cuts windows inside each label run, never across labels, bad rows or blank lines', () => {
    const lines = [
      'time,ax,ay,label',
      ...recording('wave', 6, 0),
      ...recording('rest', 4, 6),
      '',
      ...recording('rest', 3, 10),
    ];
    const { dataset, report } = imuWindows(lines.join('\n'), 'imu.csv', { steps: 4, stride: 2 });
    // wave: rows 0-5 -> windows at 0 and 2; rest: one run of 4 -> one window; the run of 3 is too short.
    expect(dataset.count).toBe(3);
    expect(dataset.sampleShape).toEqual([4, 2]);
    expect(dataset.target).toMatchObject({ names: ['rest', 'wave'] });
    expect(Array.from(dataset.x.subarray(8, 16))).toEqual([2, -2, 3, -3, 4, -4, 5, -5]);
    expect(report.notes.join(' ')).toMatch(/Time columns are ignored/);
  });

  it('refuses recordings shorter than one window, and files without sensor columns', () => {
    expect(errorCode(() => imuWindows(recording('a', 5, 0).join('\n'), 'imu.csv', { steps: 8 }))).toBe(647);
    expect(errorCode(() => imuWindows('time,label\n1,a\n2,a\n', 'imu.csv', { steps: 1 }))).toBe(643);
    expect(errorCode(() => imuWindows('', 'imu.csv', { steps: 1 }))).toBe(640);
  });

  it('[D-4] ignores a time column however it is named, and keeps sensor columns that merely start with t', () => {
    for (const time of ['t_ms', 'Time_s', 'timestamp', 'millis', 'T']) {
      const text = [`${time},ax,tilt,label`, '0,1,2,a', '20,3,4,a'].join('\n');
      const { dataset } = imuWindows(text, 'imu.csv', { steps: 2 });
      expect(Array.from(dataset.x), time).toEqual([1, 2, 3, 4]);
    }
  });

  it('drops a row with NaN and restarts the window after it', () => {
    const lines = ['ax,ay,label', '1,1,a', '2,2,a', 'NaN,3,a', '4,4,a', '5,5,a'];
    const { dataset, report } = imuWindows(lines.join('\n'), 'imu.csv', { steps: 2, stride: 1 });
    expect(Array.from(dataset.x)).toEqual([1, 1, 2, 2, 4, 4, 5, 5]);
    expect(report.issues[0]?.line).toBe(4);
  });
});

describe('gestureDataset', () => {
  it('gives balanced classes of the asked shape, seeded', () => {
    const a = gestureDataset({ count: 50, steps: 32, channels: 6, seed: 3 });
    const b = gestureDataset({ count: 50, steps: 32, channels: 6, seed: 3 });
    expect(a.sampleShape).toEqual([32, 6]);
    expect(a.x).toEqual(b.x);
    expect(a.x.every(Number.isFinite)).toBe(true);
    expect(a.target).toMatchObject({ names: [...GESTURES] });
  });

  it('makes classes that differ: the mean |ax| of shake exceeds that of idle', () => {
    const d = gestureDataset({ count: 100, steps: 64, channels: 6 });
    const labels = d.target.kind === 'classes' ? d.target.labels : new Int32Array();
    const meanAbsAx = (g: number) => {
      let sum = 0;
      let n = 0;
      labels.forEach((l, i) => {
        if (l !== g) return;
        for (let s = 0; s < 64; s++) {
          sum += Math.abs(d.x[(i * 64 + s) * 6] as number);
          n++;
        }
      });
      return sum / n;
    };
    expect(meanAbsAx(1)).toBeGreaterThan(5 * meanAbsAx(0));
  });
});
