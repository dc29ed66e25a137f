import { describe, expect, it } from 'vitest';
import { Recorder } from './recorder.ts';

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => [from + i, -(from + i)]);

describe('the recorder', () => {
  it('[S-7] keeps only samples that arrive while recording, labelled, with the rate they arrived at', () => {
    const r = new Recorder();
    r.add(rows(5), 0);
    r.start(' wave ');
    // 50 Hz in bursts of 5 every 100 ms.
    for (let t = 100; t <= 1000; t += 100) r.add(rows(5, t), t);
    expect(r.recording).toEqual({ label: 'wave', samples: 50 });
    const kept = r.stop();
    expect(kept?.samples).toHaveLength(50);
    expect(kept?.samples[0]).toEqual([100, -100]);
    expect(kept?.rateHz).toBeCloseTo(50, 6);
    r.add(rows(3), 1100);
    expect(r.recordings).toHaveLength(1);
    expect(r.stop()).toBeUndefined();
  });

  it("[S-7] the source's own rate wins over the measured one; an empty recording is not kept", () => {
    const r = new Recorder();
    r.start('idle');
    r.add(rows(10), 0);
    expect(r.stop(100)?.rateHz).toBe(100);
    r.start('empty');
    expect(r.stop()).toBeUndefined();
    expect(r.recordings.map((x) => x.label)).toEqual(['idle']);
    r.remove(0);
    expect(r.recordings).toEqual([]);
  });

  it('[S-8] a lost source keeps the samples recorded so far and says so with E555', () => {
    const r = new Recorder();
    r.start('punch');
    r.add(rows(7), 0);
    const notice = r.lost();
    expect(notice.code).toBe(555);
    expect(notice.message).toBe(
      'The board\'s port closed: the 7 samples of "punch" recorded so far are kept.',
    );
    expect(r.recordings[0]?.samples).toHaveLength(7);
    expect(r.lost().message).toMatch(/nothing was being recorded/);
  });

  it('keeps the latest samples for the live window, oldest first, bounded', () => {
    const r = new Recorder(4);
    for (let i = 0; i < 20; i++) r.add([[i]], i);
    expect(r.recent(3)).toEqual([[17], [18], [19]]);
    expect(r.recent(100).length).toBeLessThanOrEqual(8);
  });
});
