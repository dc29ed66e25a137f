import { describe, expect, it } from 'vitest';
import { imuWindows } from '../../train/datasets/imu.ts';
import { isMinnowError } from '../errors.ts';
import { checkChannelNames, defaultChannelNames } from './channels.ts';
import { RateMeter } from './rate.ts';
import { recordingsCsv, windowsOf } from './recording-csv.ts';

const ramp = (n: number, channels = 6) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: channels }, (_, c) => i * 10 + c + 0.5));

describe('recordings as the IMU recording CSV', () => {
  it('[S-6] writes D-4: t_ms from the rate, the channels, the label, a blank line after each recording', () => {
    const csv = recordingsCsv(defaultChannelNames(6), [{ label: 'wave', samples: ramp(2), rateHz: 50 }]);
    expect(csv).toBe(
      't_ms,ax,ay,az,gx,gy,gz,label\n0,0.5,1.5,2.5,3.5,4.5,5.5,wave\n20,10.5,11.5,12.5,13.5,14.5,15.5,wave\n\n',
    );
  });

  it('[S-6] training reads it back: windows per recording as windowsOf counts, never across two recordings', () => {
    const recordings = [
      { label: 'idle', samples: ramp(200), rateHz: 50 },
      { label: 'idle', samples: ramp(100), rateHz: 50 },
      { label: 'shake', samples: ramp(128), rateHz: 50 },
    ];
    const csv = recordingsCsv(defaultChannelNames(6), recordings);
    const loaded = imuWindows(csv, 'rec.csv', { steps: 64 });
    const expected = recordings.reduce((n, r) => n + windowsOf(r.samples.length, 64), 0);
    expect(windowsOf(200, 64)).toBe(5); // starts 0, 32, 64, 96, 128 (D-4: every half window)
    expect(windowsOf(100, 64)).toBe(2);
    expect(loaded.dataset.count).toBe(expected);
    expect(loaded.dataset.sampleShape).toEqual([64, 6]);
    expect(loaded.dataset.target).toMatchObject({ kind: 'classes', names: ['idle', 'shake'] });
    // The first window is the first 64 samples of the first recording, values as recorded.
    expect(Array.from(loaded.dataset.x.subarray(0, 6))).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
  });

  it('[S-5] channel names: defaults, and names training could not read are refused with E554', () => {
    expect(defaultChannelNames(6)).toEqual(['ax', 'ay', 'az', 'gx', 'gy', 'gz']);
    expect(defaultChannelNames(3)).toEqual(['c1', 'c2', 'c3']);
    expect(() => checkChannelNames(['ax', 'temp_c', 'x2'])).not.toThrow();
    for (const bad of [['ax', 'AX'], ['label'], ['time'], ['t_ms'], ['1x'], ['a,b'], ['']]) {
      try {
        checkChannelNames(bad);
        expect.unreachable(bad.join());
      } catch (e) {
        expect(isMinnowError(e) && e.code).toBe(554);
      }
    }
  });
});

describe('the rate meter', () => {
  it('[S-4] measures samples per second over the last two seconds, bursts included', () => {
    const m = new RateMeter();
    m.add(0, 5);
    expect(m.hz()).toBeUndefined();
    // 50 Hz delivered as bursts of 5 every 100 ms.
    for (let t = 100; t <= 4000; t += 100) m.add(t, 5);
    expect(m.hz()).toBeCloseTo(50, 0);
  });
});
