import { describe, expect, it } from 'vitest';
import type { CaptureSet } from '../core/capture/types.ts';
import { isMinnowError } from '../core/errors.ts';
import { parseProjectText, serializeProject } from './project-file.ts';
import type { Project } from './types.ts';

const NOW = '2025-01-01T00:00:00.000Z';
const captures: CaptureSet = {
  classes: { image: ['down', 'up'], sound: ['background noise', 'yes'] },
  items: [
    {
      id: 'a',
      kind: 'image',
      label: 'up',
      at: NOW,
      width: 1,
      height: 2,
      rgb: Uint8Array.of(1, 2, 3, 4, 5, 6),
    },
    { id: 'b', kind: 'sound', label: 'yes', at: NOW, rate: 16000, samples: Int16Array.of(-1, 2, 32767) },
  ],
};
const project: Project = {
  id: 'p1',
  name: 'Thumbs',
  chipId: 'esp32s3',
  createdAt: NOW,
  updatedAt: NOW,
  model: { format: 'minnow-model', version: 1, name: 'Thumbs', input: { shape: [2, 1, 3] }, layers: [] },
  captures,
};

describe('project file: recordings (PC-1, PC-2)', () => {
  it('[PC-1] carries the recordings and reads them back exactly', () => {
    const { id: _id, ...rest } = project;
    expect(parseProjectText(serializeProject(project), 'esp32', NOW)).toEqual(rest);
  });

  it('[PC-1] leaves the field out when there is nothing recorded', () => {
    const text = serializeProject({ ...project, captures: { ...captures, items: [] } });
    expect(JSON.parse(text)).not.toHaveProperty('captures');
  });

  it('[PC-2] refuses damaged recordings with E601 at their place, changing nothing', () => {
    const file = JSON.parse(serializeProject(project)) as { captures: { items: Record<string, unknown>[] } };
    const cases: [(f: typeof file) => void, string][] = [
      [(f) => (f.captures.items[0]!.width = 2), 'captures.items.0.rgb'],
      [(f) => (f.captures.items[1]!.data = 'not base64'), 'captures.items.1.data'],
      [(f) => (f.captures.items[1]!.label = '../x'), 'captures.items.1.label'],
      [(f) => (f.captures.items = 'x' as never), 'captures.items'],
    ];
    for (const [spoil, path] of cases) {
      const copy = structuredClone(file);
      spoil(copy);
      let error: unknown;
      try {
        parseProjectText(JSON.stringify(copy), 'esp32', NOW);
      } catch (e) {
        error = e;
      }
      expect(isMinnowError(error) && [error.code, error.details.path]).toEqual([601, path]);
    }
  });
});
