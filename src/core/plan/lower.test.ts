import { describe, expect, it } from 'vitest';
import { bufferOf, lowered, steps } from './test-models.ts';

const conv = (id: string, extra: object = {}) => ({
  id,
  type: 'Conv2D',
  filters: 4,
  kernelSize: 3,
  ...extra,
});

describe('views', () => {
  it('Flatten, Reshape and Dropout make no step and share their source buffer', () => {
    const g = lowered(
      [4, 4, 2],
      [
        { id: 'flat', type: 'Flatten' },
        { id: 'drop', type: 'Dropout', rate: 0.5 },
        { id: 'shape', type: 'Reshape', targetShape: [8, 4] },
        { id: 'fc', type: 'Dense', units: 3 },
      ],
    );
    expect(steps(g)).toEqual([
      { op: 'Dense', layerIds: ['fc'], activation: 'linear', inputs: ['shape'], output: 'fc' },
    ]);
    const input = bufferOf(g, 'input');
    expect(['flat', 'drop', 'shape'].map((n) => bufferOf(g, n))).toEqual([input, input, input]);
    expect(g.tensors.find((t) => t.name === 'shape')?.shape).toEqual([8, 4]);
    expect(g.buffers.map((b) => b.bytes)).toEqual([32, 24]);
  });

  it('an Activation "linear" is a view too', () => {
    const g = lowered(
      [6],
      [
        { id: 'fc', type: 'Dense', units: 5 },
        { id: 'id', type: 'Activation', activation: 'linear' },
      ],
    );
    expect(g.steps).toHaveLength(1);
    expect(bufferOf(g, 'id')).toBe(bufferOf(g, 'fc'));
  });
});

describe('BatchNormalization folding', () => {
  it.each(['Dense', 'Conv2D', 'DepthwiseConv2D', 'Conv1D'])(
    'folds into a %s with linear activation',
    (type) => {
      const input = type === 'Dense' ? [7] : type === 'Conv1D' ? [9, 3] : [9, 9, 3];
      const params =
        type === 'Dense'
          ? { units: 4 }
          : type === 'DepthwiseConv2D'
            ? { kernelSize: 3 }
            : { filters: 4, kernelSize: 3 };
      const g = lowered(input, [
        { id: 'k', type, ...params },
        { id: 'bn', type: 'BatchNormalization' },
      ]);
      expect(steps(g)).toEqual([
        {
          op: type,
          layerIds: ['k', 'bn'],
          activation: 'linear',
          folded: 'bn',
          inputs: ['input'],
          output: 'bn',
        },
      ]);
    },
  );

  it('stays a step when the producer has another consumer', () => {
    const g = lowered(
      [8, 8, 2],
      [conv('c'), { id: 'bn', type: 'BatchNormalization' }, { id: 'sum', type: 'Add', inputs: ['c', 'bn'] }],
    );
    expect(steps(g).map((s) => [s.op, s.layerIds])).toEqual([
      ['Conv2D', ['c']],
      ['BatchNormalization', ['bn']],
      ['Add', ['sum']],
    ]);
  });

  it('stays a step when the producer already clamps, is not a Dense/Conv, sits behind a view, or already folded one', () => {
    const cases = [
      [conv('c', { activation: 'relu' }), { id: 'bn', type: 'BatchNormalization' }],
      [
        { id: 'p', type: 'MaxPooling2D' },
        { id: 'bn', type: 'BatchNormalization' },
      ],
      [conv('c'), { id: 'd', type: 'Dropout', rate: 0.1 }, { id: 'bn', type: 'BatchNormalization' }],
      [conv('c'), { id: 'bn0', type: 'BatchNormalization' }, { id: 'bn', type: 'BatchNormalization' }],
    ];
    for (const layers of cases) {
      const g = lowered([8, 8, 2], layers);
      const last = steps(g).at(-1);
      expect(last).toMatchObject({ op: 'BatchNormalization', layerIds: ['bn'] });
    }
  });
});
