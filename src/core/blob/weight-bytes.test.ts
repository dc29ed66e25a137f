import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectModel } from '../inspect/report.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { ModelSpec } from '../model/types.ts';
import { randomInputs, randomWeights } from '../quant/random-weights.ts';
import { compileModel } from './compile.ts';
import { readBlob } from './reader.ts';
import { blobWeightBytes } from './weight-bytes.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'examples');
const examples = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as ModelSpec] as const);

function compiled(spec: ModelSpec) {
  const model = analyzeModel(spec);
  return readBlob(
    compileModel(model, randomWeights(model, 1), { calibration: randomInputs(model, 4, 1) }).blob,
  );
}

describe("a blob's weight bytes, read from its own tensor table", () => {
  it("equal the budget's weight figure (kernels as packed, embedding tables, int32 biases) for every example", () => {
    for (const [file, spec] of examples) {
      expect(blobWeightBytes(compiled(spec)), file).toBe(inspectModel(spec).memory.weightsBytes);
    }
  });

  it('count the char-LM embedding table and its packed GRU and Dense weights', () => {
    const spec = examples.find(([f]) => f === 'char-lm.json')?.[1];
    if (!spec) throw new Error('char-lm example missing');
    const bytes = blobWeightBytes(compiled(spec));
    // The 256×64 int8 embedding table alone is 16,384 B; the old bench figure was 4,301 B in all.
    expect(bytes).toBeGreaterThan(256 * 64);
    expect(bytes).toBe(inspectModel(spec).memory.weightsBytes);
  });

  it('shrink by exactly what a packing saves: 784·100 int8 kernel bytes against ceil(78,400 / 5) trits', () => {
    const spec = examples.find(([f]) => f === 'mnist-mlp.json')?.[1];
    if (!spec) throw new Error('mnist-mlp example missing');
    const ternary = {
      ...spec,
      layers: spec.layers.map((l) => (l.id === 'fc1' ? { ...l, packing: 'ternary' } : l)),
    };
    expect(blobWeightBytes(compiled(spec)) - blobWeightBytes(compiled(ternary))).toBe(78_400 - 15_680);
  });
});
