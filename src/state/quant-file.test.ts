import { describe, expect, it } from 'vitest';
import { MinnowError } from '../core/errors.ts';
import { importTflite } from '../core/import/tflite/index.ts';
import { int8MlpFloatIo } from '../core/import/tflite/test-int8.ts';
import type { ExactQuant } from '../core/quant/exact.ts';
import { parseProjectText, serializeProject } from './project-file.ts';
import type { Project } from './types.ts';

const NOW = '2025-01-01T00:00:00.000Z';
const imported = importTflite({ name: 'mlp8.tflite', bytes: int8MlpFloatIo().bytes });
const project: Project = {
  id: 'p1',
  name: 'mlp8',
  chipId: 'esp32',
  model: imported.model,
  weights: imported.weights,
  source: imported.source,
  quantization: imported.quantization as ExactQuant,
  createdAt: NOW,
  updatedAt: NOW,
};

function failure(text: string): { code: number; message: string } | undefined {
  try {
    parseProjectText(text, 'esp32', NOW);
    return undefined;
  } catch (e) {
    if (!(e instanceof MinnowError)) throw e;
    return { code: e.code, message: e.message };
  }
}

describe('an imported model in a project file', () => {
  it('[PQ-1] [PQ-2] round-trips the source, the int8 quantization exactly and the real weights derived from it', () => {
    const back = parseProjectText(serializeProject(project), 'esp32', NOW);
    expect(back.source).toEqual(project.source);
    expect(back.quantization).toEqual(project.quantization);
    const derived = back.weights?.dense_1?.kernel as Float32Array;
    const original = imported.weights.dense_1?.kernel as Float32Array;
    expect(Array.from(derived)).toEqual(Array.from(original));
    expect(Array.from(back.weights?.dense_1?.bias ?? [])).toEqual(
      Array.from(imported.weights.dense_1?.bias ?? []),
    );
  });

  it('[PR-1] a version 3 file may not hold an imported model', () => {
    const raw = JSON.parse(serializeProject(project));
    expect(failure(JSON.stringify({ ...raw, version: 3 }))).toMatchObject({ code: 601 });
    expect(failure(JSON.stringify({ ...raw, version: 3 }))?.message).toContain('at source');
  });

  it('[PQ-3] refuses malformed quantization with E601 at its path', () => {
    const raw = JSON.parse(serializeProject(project));
    const bad = (q: unknown) => failure(JSON.stringify({ ...raw, quantization: q }))?.message;
    expect(bad({ ...raw.quantization, input: { scale: -1, zeroPoint: 0 } })).toContain(
      'quantization.input.scale',
    );
    const layer = raw.quantization.layers.dense_1;
    expect(bad({ ...raw.quantization, layers: { dense_1: { ...layer, bias: 'AAA=' } } })).toContain(
      'quantization.layers.dense_1.bias',
    );
    expect(bad({ ...raw.quantization, layers: { dense_1: { ...layer, scales: [1] } } })).toContain(
      'as many scales and multipliers',
    );
    expect(bad({ ...raw.quantization, tensors: { 'no way': { scale: 1, zeroPoint: 0 } } })).toContain(
      'expected a layer id',
    );
  });
});
