import { describe, expect, it } from 'vitest';
import { layerSummary } from './summary.ts';

describe('node summary', () => {
  it('says the parameters that size the layer, and leaves defaults out', () => {
    expect(layerSummary({ id: 'a', type: 'Dense', units: 100, activation: 'relu' })).toBe('100 units · relu');
    expect(layerSummary({ id: 'a', type: 'Dense', units: 10, activation: 'linear' })).toBe('10 units');
    expect(
      layerSummary({ id: 'c', type: 'Conv2D', filters: 8, kernelSize: 3, strides: 2, padding: 'same' }),
    ).toBe('8 filters · 3×3 kernel · stride 2×2 · same padding');
    expect(layerSummary({ id: 'c', type: 'Conv1D', filters: 8, kernelSize: 5 })).toBe('8 filters · 5 kernel');
    expect(layerSummary({ id: 'f', type: 'Flatten' })).toBe('');
  });

  it('[M-11] names a packing other than int8', () => {
    expect(layerSummary({ id: 'a', type: 'Dense', units: 100, packing: 'ternary' })).toBe(
      '100 units · ternary weights',
    );
    expect(layerSummary({ id: 'g', type: 'GRU', units: 64, packing: 'int4' })).toBe(
      '64 units · int4 weights',
    );
    expect(layerSummary({ id: 'a', type: 'Dense', units: 10, packing: 'int8' })).toBe('10 units');
  });
});
