import { describe, expect, it } from 'vitest';
import { MinnowError } from '../errors.ts';
import { analyzeModel } from '../model/analyze.ts';
import { spec } from '../ops/test-spec.ts';
import { lowerModel } from './lower.ts';
import { lowered, steps } from './test-models.ts';

const conv = (id: string, extra: object = {}) => ({
  id,
  type: 'Conv2D',
  filters: 4,
  kernelSize: 3,
  ...extra,
});

describe('activation fusion', () => {
  const fused = (layer: object) =>
    steps(lowered([6], [{ id: 'fc', type: 'Dense', units: 5 }, { id: 'act', ...layer } as never]));

  it('fuses ReLU, ReLU6 and a ReLU cap into the producing step as a clamp', () => {
    expect(fused({ type: 'ReLU' })).toEqual([
      { op: 'Dense', layerIds: ['fc', 'act'], activation: 'relu', inputs: ['input'], output: 'act' },
    ]);
    expect(fused({ type: 'ReLU', maxValue: 6 })[0]?.activation).toBe('relu6');
    expect(fused({ type: 'Activation', activation: 'relu6' })[0]?.activation).toBe('relu6');
    expect(fused({ type: 'ReLU', maxValue: 3 })).toEqual([
      {
        op: 'Dense',
        layerIds: ['fc', 'act'],
        activation: 'relu',
        reluMax: 3,
        inputs: ['input'],
        output: 'act',
      },
    ]);
  });

  it('fuses after a folded BatchNormalization (Conv → BN → ReLU is one step)', () => {
    const g = lowered(
      [8, 8, 1],
      [conv('c'), { id: 'bn', type: 'BatchNormalization' }, { id: 'r', type: 'ReLU' }],
    );
    expect(steps(g)).toEqual([
      {
        op: 'Conv2D',
        layerIds: ['c', 'bn', 'r'],
        activation: 'relu',
        folded: 'bn',
        inputs: ['input'],
        output: 'r',
      },
    ]);
  });

  it('makes sigmoid and tanh an Activation step and softmax a Softmax step, in place', () => {
    expect(fused({ type: 'Activation', activation: 'sigmoid' })[1]).toEqual({
      op: 'Activation',
      layerIds: ['act'],
      activation: 'linear',
      func: 'sigmoid',
      inPlaceOf: 0,
      inputs: ['fc'],
      output: 'act',
    });
    expect(fused({ type: 'Activation', activation: 'softmax' })[1]).toMatchObject({
      op: 'Softmax',
      inPlaceOf: 0,
    });
    expect(fused({ type: 'Softmax' })[1]).toMatchObject({ op: 'Softmax', layerIds: ['act'], inPlaceOf: 0 });
  });

  it("turns a layer's own sigmoid/tanh/softmax into a following step on a pre-activation tensor", () => {
    for (const [activation, op] of [
      ['tanh', 'Activation'],
      ['sigmoid', 'Activation'],
      ['softmax', 'Softmax'],
    ]) {
      const s = steps(lowered([6], [{ id: 'fc', type: 'Dense', units: 5, activation }]));
      expect(s.map((x) => [x.op, x.layerIds, x.inputs, x.output])).toEqual([
        ['Dense', ['fc'], ['input'], 'fc:pre'],
        [op, ['fc'], ['fc:pre'], 'fc'],
      ]);
    }
  });

  it('does not fuse into a step that already clamps, nor into a value read twice', () => {
    const again = steps(
      lowered(
        [6],
        [
          { id: 'fc', type: 'Dense', units: 5, activation: 'relu' },
          { id: 'r', type: 'ReLU', maxValue: 4 },
        ],
      ),
    );
    expect(again[1]).toEqual({
      op: 'Activation',
      layerIds: ['r'],
      activation: 'relu',
      func: 'relu',
      reluMax: 4,
      inPlaceOf: 0,
      inputs: ['fc'],
      output: 'r',
    });
    const shared = steps(
      lowered(
        [6],
        [
          { id: 'fc', type: 'Dense', units: 6 },
          { id: 'r', type: 'ReLU' },
          { id: 'sum', type: 'Add', inputs: ['fc', 'r'] },
        ],
      ),
    );
    expect(shared.map((x) => [x.op, x.activation, x.func])).toEqual([
      ['Dense', 'linear', undefined],
      ['Activation', 'linear', 'relu'],
      ['Add', 'linear', undefined],
    ]);
  });

  it("keeps GRU's own activation inside the cell", () => {
    const s = steps(lowered([5, 3], [{ id: 'g', type: 'GRU', units: 4, activation: 'tanh' }]));
    expect(s).toEqual([{ op: 'GRU', layerIds: ['g'], activation: 'linear', inputs: ['input'], output: 'g' }]);
  });

  it('refuses an activation it cannot run with a coded error naming the layer', () => {
    const model = analyzeModel(spec([4], { id: 'fc', type: 'Dense', units: 2 }));
    const layers = model.layers.map((l) => ({ ...l, params: { ...l.params, activation: 'swish' } }));
    let error: unknown;
    try {
      lowerModel({ ...model, layers });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MinnowError);
    expect(error).toMatchObject({ id: 'INVALID_PARAM', layerId: 'fc' });
  });
});
