import { describe, expect, it } from 'vitest';
import { MinnowError } from '../core/errors.ts';
import { parseProjectText, serializeProject } from './project-file.ts';
import type { Project } from './types.ts';
import { weightsMismatch } from './weights-fit.ts';

const NOW = '2025-01-01T00:00:00.000Z';
const model = {
  format: 'minnow-model',
  version: 1,
  name: 'Tiny',
  input: { shape: [3] },
  layers: [{ id: 'out', type: 'Dense', units: 2 }],
} as const;
// Values a Float32 holds exactly, so the round trip can be compared with toEqual.
const weights = {
  out: { kernel: Float32Array.of(0.5, -1.25, 3, 0, 2.5, -0.125), bias: Float32Array.of(1, -2) },
};
const project: Project = {
  id: 'p1',
  name: 'Tiny',
  chipId: 'esp32',
  createdAt: NOW,
  updatedAt: NOW,
  model: structuredClone(model) as Project['model'],
  weights,
};
const file = JSON.parse(serializeProject(project)) as Record<string, unknown>;
const withWeights = (w: unknown, version = 2) => JSON.stringify({ ...file, version, weights: w });

function failure(text: string): string {
  try {
    parseProjectText(text, 'esp32', NOW);
  } catch (e) {
    if (!(e instanceof MinnowError)) throw e;
    return `E${e.code} ${e.message}`;
  }
  return 'accepted';
}

describe('trained weights in a project file', () => {
  it('[PW-1] [PW-2] round-trips every value: little-endian Float32, base64, per layer and weight', () => {
    expect(file.version).toBe(4);
    const stored = (file.weights as { layers: { out: { bias: string } } }).layers.out.bias;
    // 1.0 is 0x3f800000 and -2.0 is 0xc0000000, little-endian.
    expect(stored).toBe(btoa(String.fromCharCode(0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0)));
    expect(parseProjectText(JSON.stringify(file), 'esp32', NOW).weights).toEqual(weights);
  });

  it('[PW-1] reads a version 1 file as a project without weights, and refuses weights in one', () => {
    const { weights: _w, ...v1 } = file;
    expect(parseProjectText(JSON.stringify({ ...v1, version: 1 }), 'esp32', NOW).weights).toBeUndefined();
    expect(failure(withWeights(file.weights, 1))).toMatch(/^E601 .*weights/);
  });

  it('[PW-3] refuses garbage weights with E601 naming the path, never a crash', () => {
    const layers = (out: unknown) => ({ format: 'minnow-weights', version: 1, layers: { out } });
    const cases: [unknown, RegExp][] = [
      [null, /weights/],
      [[], /weights/],
      [{ format: 'minnow-weights', version: 2, layers: {} }, /weights\.version/],
      [{ format: 'minnow-weights', version: 1 }, /weights\.layers/],
      [layers({ bias: 'not base64!' }), /weights\.layers\.out\.bias/],
      [layers({ bias: 12 }), /weights\.layers\.out\.bias/],
      [layers({ bias: btoa('abc') }), /multiple of 4/],
      [layers({ bias: btoa(String.fromCharCode(0, 0, 0xc0, 0x7f)) }), /NaN/],
      [{ format: 'minnow-weights', version: 1, layers: { 'bad id!': {} } }, /weights\.layers/],
      [layers({ bias: 'AAA=AAAA' }), /weights\.layers\.out\.bias: expected base64/],
      // Keys JSON.parse makes own properties; a plain object copy would lose or skip them.
      [{ format: 'minnow-weights', version: 1, layers: JSON.parse('{"__proto__": 5}') }, /layers\.__proto__/],
      [layers(JSON.parse('{"__proto__": 42}')), /weights\.layers\.out\.__proto__: expected base64/],
    ];
    for (const [w, message] of cases) expect(failure(withWeights(w)), JSON.stringify(w)).toMatch(message);
    for (const w of cases) expect(failure(withWeights(w[0]))).toMatch(/^E601/);
  });

  it('[PW-2] round-trips one weight tensor of 850,000 floats, under the 16 MB file limit', () => {
    const kernel = Float32Array.from({ length: 850_000 }, (_, i) => (i % 977) / 8 - 60);
    const big = { ...project, weights: { out: { kernel, bias: Float32Array.of(1, -2) } } };
    const back = parseProjectText(serializeProject(big), 'esp32', NOW);
    const read = back.weights?.out?.kernel;
    expect(read?.length).toBe(850_000);
    expect(read?.every((v, i) => v === kernel[i])).toBe(true);
  });

  it('[PW-5] names the layer whose weights no longer fit the model', () => {
    expect(weightsMismatch(project.model, weights)).toBeNull();
    const wider = { ...project.model, layers: [{ id: 'out', type: 'Dense', units: 3 }] };
    expect(weightsMismatch(wider, weights)).toMatch(/layer "out" needs 9 values of kernel, .* hold 6/);
    const renamed = { ...project.model, layers: [{ id: 'fc', type: 'Dense', units: 2 }] };
    expect(weightsMismatch(renamed, weights)).toMatch(/layer "fc" has no trained kernel/);
  });
});
