import { describe, expect, it } from 'vitest';
import { MinnowError } from '../core/errors.ts';
import { parseProjectText, serializeProject } from './project-file.ts';
import type { Project } from './types.ts';

const NOW = '2025-01-01T00:00:00.000Z';
const project: Project = {
  id: 'p1',
  name: 'Digits',
  chipId: 'esp32s3',
  createdAt: NOW,
  updatedAt: NOW,
  model: {
    format: 'minnow-model',
    version: 1,
    name: 'Digits',
    input: { shape: [28, 28, 1] },
    layers: [
      { id: 'flat', type: 'Flatten' },
      { id: 'out', type: 'Dense', units: 10 },
    ],
  },
};
const text = serializeProject(project);

function code(input: string): number | undefined {
  try {
    parseProjectText(input, 'esp32', NOW);
    return undefined;
  } catch (e) {
    if (!(e instanceof MinnowError)) throw e;
    return e.code;
  }
}

/** A tiny deterministic generator, so a failing case can be reproduced. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('project file', () => {
  it('[PR-7] round-trips a project, which has no id in the file', () => {
    const { id: _id, ...rest } = project;
    expect(parseProjectText(text, 'esp32', NOW)).toEqual(rest);
  });

  it('[PR-5] refuses every truncation of a valid file with a coded error, never a crash', () => {
    const body = text.trimEnd();
    for (let n = 0; n < body.length; n++) expect(code(body.slice(0, n))).toBeGreaterThanOrEqual(600);
  });

  it('[PR-5] refuses random bytes and random JSON values with a coded error', () => {
    const rand = lcg(7);
    for (let i = 0; i < 300; i++) {
      const bytes = Array.from({ length: Math.floor(rand() * 64) }, () => String.fromCharCode(rand() * 256));
      expect(code(bytes.join(''))).toBeDefined();
    }
    for (const value of ['null', '1', '"x"', '[]', '{}', 'true', '[{"format":"minnow-project"}]']) {
      expect(code(value), value).toBe(601);
    }
  });

  it('[PR-1] [PR-2] [PR-3] [PR-4] names the field at fault', () => {
    const bad = (patch: object) => JSON.stringify({ ...JSON.parse(text), ...patch });
    expect(() => parseProjectText(bad({ chip: 'esp33' }), 'esp32', NOW)).toThrow(
      /chip: unknown chip "esp33"/,
    );
    expect(() => parseProjectText(bad({ name: '' }), 'esp32', NOW)).toThrow(/name/);
    expect(() => parseProjectText(bad({ extra: 1 }), 'esp32', NOW)).toThrow(/extra/);
    expect(() => parseProjectText(bad({ createdAt: 'yesterday' }), 'esp32', NOW)).toThrow(/createdAt/);
    expect(() => parseProjectText(bad({ model: { format: 'minnow-model' } }), 'esp32', NOW)).toThrow(
      /at model/,
    );
    expect(code(bad({ version: 5 }))).toBe(602);
    expect(code(bad({ format: 'minnow-model', version: 1 }))).toBe(101);
  });

  it('[PR-5] survives single-character corruption without a crash', () => {
    const rand = lcg(42);
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(rand() * text.length);
      const mutated = text.slice(0, at) + String.fromCharCode(32 + rand() * 95) + text.slice(at + 1);
      expect(() => code(mutated)).not.toThrow();
    }
  });

  it('[PR-3] keeps a model whose layers have errors: the editor shows them on the layers', () => {
    const model = { ...project.model, layers: [{ id: 'out', type: 'Dense' }] };
    const file = parseProjectText(serializeProject({ ...project, model }), 'esp32', NOW);
    expect(file.model.layers).toEqual([{ id: 'out', type: 'Dense' }]);
  });

  it('[PR-5] refuses a file over 16 MB before parsing it', () => {
    expect(code(' '.repeat(16 * 1024 * 1024 + 1))).toBe(601);
  });
});
