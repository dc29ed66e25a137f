import { describe, expect, it } from 'vitest';
import { evaluateSpec } from '../inspect/evaluate.ts';
import { inspectModel } from '../inspect/report.ts';
import type { LayerSpec, ModelSpec } from '../model/types.ts';
import { suggestFixes } from './suggest.ts';

const evaluate = (s: ModelSpec, chip: string) => evaluateSpec(s, chip);
const model = (layers: LayerSpec[]): ModelSpec => ({
  format: 'minnow-model',
  version: 1,
  name: 'm',
  input: { shape: [28, 28, 1] },
  layers: [{ id: 'flat', type: 'Flatten' }, ...layers],
});

describe('fixes that store weights in fewer bits', () => {
  it('Flatten → Dense(4000) gets a fix: ternary, since int4 (1.5 MB) is still past the 1 MB partition', () => {
    const spec = model([{ id: 'fc', type: 'Dense', units: 4000 }]);
    expect(inspectModel(spec, { chip: 'esp32c3' }).verdict).toBe('too-big-flash');
    const [first] = suggestFixes(spec, 'esp32c3', evaluate);
    expect(first).toMatchObject({ kind: 'pack', packing: 'ternary', layerIds: ['fc'] });
    // The fix re-budgeted through the exact blob size: 784·4000 trits at five a byte fit 1 MB.
    if (first?.kind !== 'pack') throw new Error('expected a packing fix');
    expect(inspectModel(first.patch, { chip: 'esp32c3' }).verdict).toBe('fits');
    expect(first.description).toMatch(
      /^Store fc's weights as ternary .* → fits \(model .* of the 1\.00 MB partition\)/,
    );
  });

  it('offers int4 where int4 is enough, and packs the heaviest layer alone before packing every layer', () => {
    // 784·1500 int8 bytes ≈ 1.12 MB: past the partition; int4 halves it.
    const spec = model([
      { id: 'fc', type: 'Dense', units: 1500, activation: 'relu' },
      { id: 'out', type: 'Dense', units: 10 },
    ]);
    const fixes = suggestFixes(spec, 'esp32c3', evaluate);
    const pack = fixes.find((f) => f.kind === 'pack');
    expect(pack).toMatchObject({ packing: 'int4', layerIds: ['fc'] });
    if (pack?.kind !== 'pack') throw new Error('expected a packing fix');
    expect(inspectModel(pack.patch, { chip: 'esp32c3' }).verdict).toBe('fits');
    expect(pack.patch.layers.find((l) => l.id === 'out')).not.toHaveProperty('packing');
  });

  it('is not offered for a model too big for RAM, where packing weights cannot help', () => {
    const spec: ModelSpec = {
      ...model([]),
      input: { shape: [512, 512, 3] },
      layers: [{ id: 'conv', type: 'Conv2D', filters: 8, kernelSize: 3, padding: 'same' }],
    };
    expect(inspectModel(spec, { chip: 'esp32c3' }).chip?.ram.fits).toBe(false);
    expect(suggestFixes(spec, 'esp32c3', evaluate).some((f) => f.kind === 'pack')).toBe(false);
  });
});
