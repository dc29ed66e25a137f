import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobSize } from '../blob/size.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { ModelSpec, WeightPacking } from '../model/types.ts';
import { planModel } from '../plan/index.ts';
import { randomModel } from '../testing/random-model.ts';
import { exactBlobBytes } from './blob-size.ts';
import { budgetInput } from './measure.ts';
import { describePackingSaving } from './packing-saving.ts';
import { inspectModel } from './report.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const example = (name: string) =>
  JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), 'utf8')) as ModelSpec;

/** The spec with the given layers' `packing` written, or removed where the packing is undefined. */
function packed(spec: ModelSpec, packings: Readonly<Record<string, WeightPacking | undefined>>): ModelSpec {
  return {
    ...spec,
    layers: spec.layers.map((l) => {
      if (!(l.id in packings)) return l;
      const { packing: _, ...rest } = l;
      const p = packings[l.id];
      return p ? { ...rest, packing: p } : rest;
    }),
  };
}

describe('[M-11] the inspection follows each layer’s packing', () => {
  it('[F-30] sizes a Dense kernel at each packing by hand: n, ceil(n/2), ceil(n/5), plus int32 biases', () => {
    const report = inspectModel(packed(example('mnist-mlp'), { fc1: 'ternary' }));
    const fc1 = report.layers.find((l) => l.id === 'fc1');
    // 784·100 weights and 100 int32 biases.
    expect(fc1?.packing).toBe('ternary');
    expect(fc1?.weightBytesByPacking).toEqual({
      int8: 78_400 + 400,
      int4: 39_200 + 400,
      ternary: 15_680 + 400,
    });
    expect(fc1?.weightBytes).toBe(15_680 + 400);
    expect(report.layers.find((l) => l.id === 'out')?.packing).toBe('int8');
    // Flatten takes no packing, so it reports none.
    expect(report.layers.find((l) => l.id === 'flat')).not.toHaveProperty('packing');
    // The out layer stays int8: 100·10 + 4·10.
    expect(report.memory.weightsBytes).toBe(15_680 + 400 + 1_000 + 40);
  });

  it('[F-30] packs a GRU’s kernel and recurrent kernel as two tensors', () => {
    const report = inspectModel(example('char-lm'));
    const gru = report.layers.find((l) => l.id === 'gru');
    // 64 inputs and 64 units, three gates: two 64×192 kernels of 12,288 weights, and 192 int32 biases.
    expect(gru?.weightBytesByPacking).toEqual({
      int8: 2 * 12_288 + 768,
      int4: 2 * 6_144 + 768,
      ternary: 2 * 2_458 + 768,
    });
  });

  it('saves what the int8 blob of the same model weighs more, measured by the blob writer', () => {
    const spec = example('mnist-mlp');
    const int8 = inspectModel(spec);
    expect(int8.memory).toMatchObject({ packingSavedBytes: 0, int8BlobBytes: int8.memory.blobBytes });
    const ternary = inspectModel(packed(spec, { fc1: 'ternary' }), { chip: 'esp32' });
    const asWritten = blobSize(analyzeModel(packed(spec, { fc1: 'ternary' })));
    const allInt8 = blobSize(analyzeModel(spec));
    expect(ternary.memory.blobBytes).toBe(asWritten);
    expect(ternary.memory.int8BlobBytes).toBe(allInt8);
    // 78,400 int8 weights become 15,680 bytes; both are multiples of the 16-byte alignment.
    expect(ternary.memory.packingSavedBytes).toBe(78_400 - 15_680);
    expect(ternary.memory.packingSavedBytes).toBe(allInt8 - asWritten);
    expect(ternary.chip?.flash.parts.model).toBe(asWritten);
    // 62,720 B is 61 KB of 1024 B, and 77 % of the int8 blob; nothing to say when nothing is packed.
    expect(Math.round((100 * 62_720) / allInt8)).toBe(77);
    expect(describePackingSaving(ternary.memory)).toBe('Weight packing saves 61 KB of flash (77 %)');
    expect(describePackingSaving(int8.memory)).toBeUndefined();
  });

  it('counts the saving in the weights when the blob is a framing estimate', () => {
    // A GRU with relu has no int8 kernel yet, so neither blob can be laid out.
    const spec: ModelSpec = {
      format: 'minnow-model',
      version: 1,
      name: 'gru-relu',
      input: { shape: [16, 4] },
      layers: [
        { id: 'gru', type: 'GRU', units: 8, activation: 'relu', packing: 'ternary' },
        { id: 'out', type: 'Dense', units: 2, packing: 'ternary' },
      ],
    };
    const report = inspectModel(spec);
    expect(report.memory.blobIsEstimate).toBe(true);
    // Kernels of 4·24, 8·24 and 8·2 weights, each stored in ceil(n/5) bytes instead of n.
    expect(report.memory.packingSavedBytes).toBe(96 - 20 + (192 - 39) + (16 - 4));
    const int8 = inspectModel(packed(spec, { gru: undefined, out: undefined }));
    expect(report.memory.int8BlobBytes).toBe(int8.memory.blobBytes);
  });

  it('keeps the framing bound above the writer for random models with packed layers', () => {
    const packings: WeightPacking[] = ['int4', 'ternary'];
    let compared = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const spec = randomModel(seed, { gru: seed % 3 === 0 });
      const packable = analyzeModel(spec).layers.filter((l) => ['Dense', 'Conv2D', 'GRU'].includes(l.type));
      const choice = Object.fromEntries(packable.map((l, i) => [l.id, packings[(seed + i) % 2]]));
      const model = analyzeModel(packed(spec, choice));
      const plan = planModel(model);
      const exact = exactBlobBytes(model, plan);
      // Some random GRUs have no int8 kernel yet: nothing exact to compare with.
      if (exact === undefined || packable.length === 0) continue;
      const bound = budgetInput(plan).blobBytes;
      expect(bound).toBeGreaterThanOrEqual(exact);
      expect(bound).toBeLessThanOrEqual(exact * 1.04 + 512);
      const report = inspectModel(packed(spec, choice));
      expect(report.memory.int8BlobBytes, `seed ${seed}`).toBe(blobSize(analyzeModel(spec)));
      compared++;
    }
    expect(compared).toBeGreaterThan(12);
  });
});
