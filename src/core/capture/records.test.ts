import { describe, expect, it } from 'vitest';
import { isMinnowError } from '../errors.ts';
import { createRandom } from '../random.ts';
import { decodeCaptures, encodeCaptures } from './project-field.ts';
import { checkCapture, classNameProblem } from './records.ts';
import type { CaptureSet } from './types.ts';

const image = {
  id: 'a',
  kind: 'image',
  label: 'cat',
  at: '2026-01-01T00:00:00Z',
  width: 2,
  height: 1,
  rgb: Uint8Array.of(1, 2, 3, 4, 5, 6),
};
const clip = {
  id: 'b',
  kind: 'sound',
  label: 'yes',
  at: '2026-01-01T00:00:01Z',
  rate: 16000,
  samples: Int16Array.of(-32768, 0, 32767),
};

function codeOf(f: () => unknown): number | string {
  try {
    f();
    return 'no error';
  } catch (e) {
    return isMinnowError(e) ? e.code : String(e);
  }
}

describe('[D-11] stored captures are checked, never trusted', () => {
  it('accepts well-formed image and clip records', () => {
    expect(checkCapture(image, 'x')).toEqual(image);
    expect(checkCapture(clip, 'x')).toEqual(clip);
  });

  it.each([
    ['null', null, 'r'],
    ['an array', [], 'r'],
    ['no id', { ...image, id: undefined }, 'r.id'],
    ['an unknown kind', { ...image, kind: 'video' }, 'r.kind'],
    ['a zero width', { ...image, width: 0 }, 'r.width'],
    ['a fractional height', { ...image, height: 1.5 }, 'r.height'],
    ['too few pixels', { ...image, rgb: new Uint8Array(5) }, 'r.rgb'],
    ['pixels as a plain array', { ...image, rgb: [1, 2, 3, 4, 5, 6] }, 'r.rgb'],
    ['samples as floats', { ...clip, samples: new Float32Array(3) }, 'r.samples'],
    ['no samples', { ...clip, samples: new Int16Array(0) }, 'r.samples'],
    ['a rate of 0', { ...clip, rate: 0 }, 'r.rate'],
    ['a label with a slash', { ...image, label: 'a/b' }, 'r.label'],
  ])('refuses %s with E704 naming the place', (_, raw, path) => {
    let error: unknown;
    try {
      checkCapture(raw, 'r');
    } catch (e) {
      error = e;
    }
    expect(isMinnowError(error) && [error.code, error.details.path]).toEqual([704, path]);
  });

  it('refuses random garbage with a coded error, never a crash', () => {
    const random = createRandom(7).float;
    const values = [
      null,
      0,
      -1,
      1.5,
      'x',
      '',
      [],
      {},
      new Uint8Array(3),
      new Int16Array(2),
      true,
      'image',
      'sound',
    ];
    const pick = () => values[Math.floor(random() * values.length)];
    for (let i = 0; i < 500; i++) {
      const raw = Object.fromEntries(
        ['id', 'kind', 'label', 'at', 'width', 'height', 'rgb', 'rate', 'samples'].map((k) => [k, pick()]),
      );
      const code = codeOf(() => checkCapture(raw, 'r'));
      expect(code === 704 || code === 'no error').toBe(true);
    }
  });

  it('keeps class names usable as folder names', () => {
    expect(classNameProblem('thumbs up')).toBeNull();
    expect(classNameProblem('background noise')).toBeNull();
    for (const name of ['', ' a', 'a/b', 'a\\b', '..', 'x'.repeat(65), 7, 'tab\there']) {
      expect(classNameProblem(name)).not.toBeNull();
    }
  });
});

describe('[D-11] the project file carries captures in base64', () => {
  const set: CaptureSet = {
    classes: { image: ['cat', 'dog'], sound: ['background noise', 'yes'] },
    items: [image, clip] as CaptureSet['items'],
  };

  it('round-trips a set exactly (int16 little-endian)', () => {
    const file = JSON.parse(JSON.stringify(encodeCaptures(set))) as { items: { data: string }[] };
    expect(file.items[1]?.data).toBe('AIAAAP9/'); // 00 80 | 00 00 | ff 7f: −32768, 0, 32767 little-endian
    expect(decodeCaptures(file)).toEqual(set);
  });

  it('adds a class a recording names but the lists miss', () => {
    const file = encodeCaptures({ ...set, classes: { image: [], sound: [] } });
    expect(decodeCaptures(file).classes).toEqual({ image: ['cat'], sound: ['yes'] });
  });

  it.each([
    ['not an object', 'x', 'captures'],
    ['items not a list', { classes: { image: [], sound: [] }, items: 3 }, 'captures.items'],
    [
      'bad base64',
      { classes: { image: [], sound: [] }, items: [{ ...image, rgb: undefined, data: '!!' }] },
      'captures.items.0.data',
    ],
    [
      'an odd sample byte count',
      { classes: { image: [], sound: [] }, items: [{ ...clip, samples: undefined, data: 'AA==' }] },
      'captures.items.0.data',
    ],
    [
      'a class listed twice',
      { classes: { image: ['a', 'a'], sound: [] }, items: [] },
      'captures.classes.image',
    ],
    [
      'a shared id',
      {
        classes: { image: [], sound: [] },
        items: [encodeCaptures(set).items, encodeCaptures(set).items]
          .flat()
          .slice(0, 1)
          .concat(encodeCaptures(set).items),
      },
      'captures.items',
    ],
  ])('refuses a field with %s as E601 at its place', (_, raw, path) => {
    let error: unknown;
    try {
      decodeCaptures(raw);
    } catch (e) {
      error = e;
    }
    expect(isMinnowError(error) && [error.code, error.details.path]).toEqual([601, path]);
  });
});
