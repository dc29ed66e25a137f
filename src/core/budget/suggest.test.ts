import { describe, expect, it } from 'vitest';
import { MinnowError } from '../errors.ts';
import type { LayerSpec, ModelSpec } from '../model/types.ts';
import { suggestFixes, type Evaluate, type Evaluation } from './suggest.ts';
import { evaluateSimply } from './test-evaluator.ts';

function mlp(inputShape: number[], widths: number[]): ModelSpec {
  const layers: LayerSpec[] = widths.map((units, i) => ({
    id: i === widths.length - 1 ? 'out' : `fc${i + 1}`,
    type: 'Dense',
    units,
    activation: i === widths.length - 1 ? 'softmax' : 'relu',
  }));
  return { format: 'minnow-model', version: 1, name: 'mlp', input: { shape: inputShape }, layers };
}

const big = mlp([784], [1000, 1000, 10]);

describe('suggestFixes', () => {
  it('returns nothing for a model that fits', () => {
    expect(suggestFixes(mlp([784], [100, 10]), 'esp32', evaluateSimply)).toEqual([]);
  });

  it('makes 784-1000-1000-10 fit the 1 MB model partition of a 2 MB ESP32-H2 by narrowing one layer', () => {
    expect(evaluateSimply(big, 'esp32h2').verdict).toBe('too-big-flash');
    const fixes = suggestFixes(big, 'esp32h2', evaluateSimply);
    // Blob = int8 kernels + int32 biases + 64 + 32 per layer, against 0x100000 = 1,048,576 B.
    // fc1 → x: 784x + 4x + 1000x + 4,000 + 10,040 + 160 ≤ 1,048,576 → x ≤ 578.5
    // fc2 → y: 788,000 + 1000y + 4y + 10y + 40 + 160 ≤ 1,048,576 → y ≤ 256.8
    expect(fixes.map((f) => f.kind === 'reduce' && [f.layerId, f.param, f.from, f.to])).toEqual([
      ['fc1', 'units', 1000, 578],
      ['fc2', 'units', 1000, 256],
    ]);
    for (const fix of fixes) {
      if (fix.kind !== 'reduce') throw new Error('expected reductions only');
      expect(evaluateSimply(fix.patch, 'esp32h2').verdict).toBe('fits');
      const wider = {
        ...fix.patch,
        layers: fix.patch.layers.map((l) => (l.id === fix.layerId ? { ...l, units: fix.to + 1 } : l)),
      };
      expect(evaluateSimply(wider, 'esp32h2').verdict).toBe('too-big-flash');
    }
    expect(fixes[0]?.description).toBe(
      'Reduce fc1 units from 1000 to 578 → fits (model 1023 KB of the 1.00 MB partition)',
    );
    expect(big.layers[0]?.units).toBe(1000);
  });

  it('offers a larger model partition last, for a firmware build of your own, when the flash has room (4 MB ESP32)', () => {
    const fixes = suggestFixes(big, 'esp32', evaluateSimply);
    expect(fixes.at(-1)).toEqual({
      kind: 'partition',
      bytes: 1_802_240,
      description:
        'With a firmware build of your own: enlarge the model partition in partitions.csv from 1.00 MB to 1.72 MB (the flash has room for up to 3.00 MB)',
    });
    expect(fixes.slice(0, -1).every((f) => f.kind === 'reduce')).toBe(true);
  });

  it('for RAM: names the PSRAM board, narrows the peak layer, and lists other chips that hold it', () => {
    // d1's step holds the 80,000 B input and its 10,000·units output: 80,000 + 10,000x + 576 + 90,000 ≤
    // 320 KB − 14 KB = 313,344 → x ≤ 14.
    const wide = mlp([100, 100, 8], [64, 1]);
    const fixes = suggestFixes(wide, 'esp32s3', evaluateSimply);
    expect(
      fixes.map((f) => [
        f.kind,
        f.kind === 'reduce' ? `${f.layerId}→${f.to}` : f.kind === 'chip' ? f.chipId : '',
      ]),
    ).toEqual([
      ['chip', 'esp32s3-r8'],
      ['reduce', 'fc1→14'],
      ['chip', 'esp32p4'],
    ]);
    expect(fixes[1]?.description).toMatch(
      /^Reduce fc1 units from 64 to 14 → fits \(RAM 30\d KB of 306 KB\)$/,
    );
  });

  it('narrows every hidden layer together when no single layer is enough', () => {
    const four = mlp([8], [100, 100, 100, 100, 2]);
    const hidden = ['fc1', 'fc2', 'fc3', 'fc4'];
    // A stand-in budget: it fits while the hidden layers hold at most 200 units in all.
    const evaluate: Evaluate = (spec) => {
      const units = spec.layers
        .filter((l) => hidden.includes(l.id))
        .reduce((s, l) => s + (l.units as number), 0);
      const fits = units <= 200;
      return {
        verdict: fits ? 'fits' : 'too-big-ram',
        ram: { needBytes: units, availableBytes: 200, fits },
        flash: {
          needBytes: 0,
          availableBytes: 1,
          fits: true,
          partitionBytes: 1,
          parts: { firmware: 0, model: 0 },
        },
      } satisfies Evaluation;
    };
    const fixes = suggestFixes(four, 'esp32', evaluate);
    const scale = fixes.find((f) => f.kind === 'scale');
    if (scale?.kind !== 'scale') throw new Error('expected a scale suggestion');
    // floor(100·s/64) ≤ 50 for all four → s ≤ 32: half of every hidden layer.
    expect(scale.factor).toBe(0.5);
    expect(scale.changes.map((c) => [c.layerId, c.to])).toEqual(hidden.map((id) => [id, 50]));
    expect(fixes.some((f) => f.kind === 'reduce')).toBe(false);
  });

  it('treats a change the pipeline rejects as not fitting, and lets other failures through', () => {
    const base: Evaluation = evaluateSimply(big, 'esp32h2');
    const rejecting: Evaluate = (spec) => {
      if (spec === big) return base;
      throw new MinnowError('ADD_SHAPES', { layer: 'x', shapes: '[1] [2]' });
    };
    expect(suggestFixes(big, 'esp32h2', rejecting)).toEqual([]);
    const broken: Evaluate = (spec) => {
      if (spec === big) return base;
      throw new TypeError('bug');
    };
    expect(() => suggestFixes(big, 'esp32h2', broken)).toThrow(TypeError);
  });
});
