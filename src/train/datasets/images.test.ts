import { describe, expect, it } from 'vitest';
import { isImage, planImageFolder, rgbaToInput } from './images.ts';
import { errorCode } from '../test-support.ts';

describe('planImageFolder', () => {
  it('takes the class from the folder below the picked one and skips non-images with a report', () => {
    const plan = planImageFolder([
      { path: 'pets/dogs/a.png' },
      { path: 'pets/cats/b.JPG' },
      { path: 'pets/cats/notes.txt', type: 'text/plain' },
      { path: 'pets/.DS_Store' },
      { path: 'pets/readme.png' },
      { path: 'pets/cats/deep/c.webp' },
      { path: 'pets/dogs/d', type: 'image/png' },
    ]);
    expect(plan.classes).toEqual(['cats', 'dogs']);
    expect(plan.items).toEqual([
      { entry: 1, label: 0 },
      { entry: 5, label: 0 },
      { entry: 0, label: 1 },
      { entry: 6, label: 1 },
    ]);
    expect(plan.log.issues.map((i) => i.file)).toEqual([
      'pets/cats/notes.txt',
      'pets/.DS_Store',
      'pets/readme.png',
    ]);
  });

  it('accepts paths without the picked folder and with backslashes', () => {
    expect(planImageFolder([{ path: 'a\\1.png' }, { path: 'b\\2.png' }]).classes).toEqual(['a', 'b']);
  });

  it('refuses an empty folder, a single class and a folder without images', () => {
    expect(errorCode(() => planImageFolder([]))).toBe(640);
    expect(errorCode(() => planImageFolder([{ path: 'x/cats/1.png' }, { path: 'x/cats/2.png' }]))).toBe(646);
    expect(errorCode(() => planImageFolder([{ path: 'x/a/1.txt' }, { path: 'x/b/2.csv' }]))).toBe(646);
  });

  it('knows images by extension or MIME type', () => {
    expect(isImage({ path: 'a/b.jpeg' })).toBe(true);
    expect(isImage({ path: 'a/b', type: 'image/gif' })).toBe(true);
    expect(isImage({ path: 'a/b.png.txt' })).toBe(false);
  });
});

describe('rgbaToInput', () => {
  const rgba = [255, 0, 0, 255, 0, 255, 0, 0, 0, 0, 255, 128, 255, 255, 255, 255];
  it('gives luminance for one channel and RGB for three, in [0, 1], alpha ignored', () => {
    const grey = rgbaToInput(rgba, [2, 2, 1]);
    expect(Array.from(grey)).toEqual([0.299, 0.587, 0.114, 1].map((v) => Math.fround(v)));
    expect(Array.from(rgbaToInput(rgba, [2, 2, 3]))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('refuses pixels of the wrong size', () => {
    expect(() => rgbaToInput(rgba, [3, 3, 1])).toThrow(RangeError);
  });
});
