import { describe, expect, it } from 'vitest';
import type { Capture, CaptureSet } from '../../core/capture/types.ts';
import { isMinnowError } from '../../core/errors.ts';
import { captureDataset, captureKindFor } from './captures.ts';
import { summarize } from './summary.ts';

const at = '2026-01-01T00:00:00Z';
const pixel = (id: string, label: string, rgb: number[]): Capture => ({
  id,
  kind: 'image',
  label,
  at,
  width: 1,
  height: 1,
  rgb: Uint8Array.from(rgb),
});
const clip = (id: string, label: string, samples: number[], rate = 16000): Capture => ({
  id,
  kind: 'sound',
  label,
  at,
  rate,
  samples: Int16Array.from(samples),
});

function set(items: Capture[]): CaptureSet {
  return { classes: { image: [], sound: [] }, items };
}

describe('[D-10] recordings become the data set the model reads', () => {
  it('knows which recordings a model reads by its input shape', () => {
    expect(captureKindFor([32, 32, 3])).toBe('image');
    expect(captureKindFor([28, 28, 1])).toBe('image');
    expect(captureKindFor([16000])).toBe('sound');
    expect(captureKindFor([1])).toBeNull();
    expect(captureKindFor([128, 6])).toBeNull();
  });

  it('reads frames as the image-folder reader does: grey by luminance, RGB / 255 (by hand)', () => {
    const items = [
      pixel('a', 'up', [255, 0, 0]),
      pixel('b', 'down', [0, 255, 51]),
      pixel('c', 'up', [0, 0, 0]),
    ];
    const grey = captureDataset(set(items), [1, 1, 1]).dataset;
    // Classes sorted by name: down = 0, up = 1. Grey = (0.299 r + 0.587 g + 0.114 b) / 255.
    expect(grey.target).toMatchObject({ kind: 'classes', names: ['down', 'up'] });
    expect([...(grey.target.kind === 'classes' ? grey.target.labels : [])]).toEqual([1, 0, 1]);
    expect(grey.x[0]).toBeCloseTo(0.299, 6);
    expect(grey.x[1]).toBeCloseTo((0.587 * 255 + 0.114 * 51) / 255, 6);
    const colour = captureDataset(set(items), [1, 1, 3]).dataset;
    expect([...colour.x.subarray(3, 6)]).toEqual([0, 1, Math.fround(51 / 255)]);
  });

  it('reads clips as sample / 32768 and skips recordings made for another size, saying so', () => {
    const samples = new Array<number>(1600).fill(0);
    samples[0] = -32768;
    samples[1] = 16384;
    const loaded = captureDataset(
      set([
        clip('a', 'background noise', samples),
        clip('b', 'yes', samples),
        clip('c', 'yes', [1, 2, 3]),
        pixel('d', 'x', [1, 2, 3]),
      ]),
      [1600],
    );
    expect(loaded.dataset.count).toBe(2);
    expect([loaded.dataset.x[0], loaded.dataset.x[1]]).toEqual([-1, 0.5]);
    expect(loaded.report.issues).toEqual([
      { file: 'yes/c', message: 'recorded as 3 samples at 16000 Hz, not for this model; skipped' },
    ]);
  });

  it('needs two classes with usable recordings (E707) and a model that reads images or sound (E706)', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isMinnowError(e) ? e.code : e;
      }
    };
    expect(codeOf(() => captureDataset(set([pixel('a', 'up', [1, 2, 3])]), [1, 1, 1]))).toBe(707);
    expect(codeOf(() => captureDataset(set([]), [128, 6]))).toBe(706);
  });

  it('fingerprints the same samples alike in any order, and differently when one pixel changes', () => {
    const items = [pixel('a', 'up', [1, 2, 3]), pixel('b', 'down', [4, 5, 6]), pixel('c', 'up', [7, 8, 9])];
    const print = (list: Capture[]) => {
      const { dataset, report } = captureDataset(set(list), [1, 1, 3]);
      return summarize(dataset, report).fingerprint;
    };
    expect(print(items)).toBe(print([...items].reverse()));
    expect(print(items)).not.toBe(print([pixel('a', 'up', [1, 2, 4]), ...items.slice(1)]));
    expect(print(items)).not.toBe(print([pixel('a', 'down', [1, 2, 3]), ...items.slice(1)]));
  });
});
