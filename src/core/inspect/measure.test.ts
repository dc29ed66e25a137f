import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobSize } from '../blob/size.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { ModelSpec, WeightPacking } from '../model/types.ts';
import { planModel } from '../plan/index.ts';
import { PACKABLE_OPS } from '../quant/packing.ts';
import { randomModel } from '../testing/random-model.ts';
import { budgetInput } from './measure.ts';
import { inspectModel } from './report.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as unknown);

/** The model with `packing` on every layer whose type takes the parameter. */
function everyLayerPacked(spec: ModelSpec, packing: WeightPacking): ModelSpec {
  return { ...spec, layers: spec.layers.map((l) => (PACKABLE_OPS.has(l.type) ? { ...l, packing } : l)) };
}

describe('blob size figures', () => {
  it('the framing upper bound is never below the writer and close above it', () => {
    const packed = (['int4', 'ternary'] as const).flatMap((packing) =>
      examples.map((e) => everyLayerPacked(e as ModelSpec, packing)),
    );
    const specs = [...examples, ...packed, ...Array.from({ length: 60 }, (_, i) => randomModel(i + 1))];
    for (const spec of specs) {
      const model = analyzeModel(spec);
      const plan = planModel(model);
      const exact = blobSize(model, plan);
      const bound = budgetInput(plan).blobBytes;
      expect(bound).toBeGreaterThanOrEqual(exact);
      expect(bound).toBeLessThanOrEqual(exact * 1.04 + 512);
    }
  });

  it('inspect reports the exact size the writer produces', () => {
    const spec = examples.find((e) => (e as { name: string }).name === 'mnist-mlp');
    const report = inspectModel(spec, { chip: 'esp32' });
    const model = analyzeModel(spec);
    expect(report.memory.blobBytes).toBe(blobSize(model));
    expect(report.memory.blobIsEstimate).toBe(false);
    expect(report.chip?.flash.parts.model).toBe(report.memory.blobBytes);
  });

  it('falls back to the upper bound for a model with no int8 kernel yet (a GRU with relu)', () => {
    const spec = {
      format: 'minnow-model',
      version: 1,
      name: 'gru',
      input: { shape: [16, 4] },
      layers: [
        { id: 'gru', type: 'GRU', units: 8, activation: 'relu' },
        { id: 'out', type: 'Dense', units: 2 },
      ],
    };
    const report = inspectModel(spec);
    expect(report.memory.blobIsEstimate).toBe(true);
    expect(report.memory.blobBytes).toBeGreaterThan(report.memory.weightsBytes);
  });
});
