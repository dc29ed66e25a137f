import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import { planModel } from './index.ts';

describe('a tensor too large to size', () => {
  it('is refused naming the layer that writes it, not as an invalid planner buffer', () => {
    const model = analyzeModel({
      format: 'minnow-model',
      version: 1,
      name: 'giant',
      // 2^20 · 2^20 · 100,000 int8 values: past 2^53, where byte counts stop being exact.
      input: { shape: [1048576, 1048576, 1] },
      layers: [
        { id: 'conv', type: 'Conv2D', filters: 100000, kernelSize: 1 },
        { id: 'gap', type: 'GlobalAveragePooling2D' },
      ],
    });
    expect(() => planModel(model)).toThrow(
      expect.objectContaining({ code: 204, layerId: 'conv', message: expect.stringMatching(/\(Conv2D\)/) }),
    );
  });
});
