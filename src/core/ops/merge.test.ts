import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import type { Shape } from '../model/types.ts';
import { type LayerInput, outcome, spec } from './test-spec.ts';
import { expectSameAsTfjs, tfjsFacts, tfjsRefuses } from './test-tfjs.ts';

/** Two or three convolution branches from one input, joined by `join`. */
function branches(input: Shape, filters: number[], join: LayerInput) {
  const convs = filters.map((f, i) => ({
    id: `b${i}`,
    type: 'Conv2D',
    filters: f,
    kernelSize: 1,
    inputs: ['input'],
  }));
  return spec(input, ...convs, { id: 'join', ...join, inputs: convs.map((c) => c.id) });
}

describe('[M-10] Add and Concatenate match tfjs shapes and parameter counts', () => {
  it('Add of two branches', () => {
    expectSameAsTfjs(branches([4, 4, 3], [5, 5], { type: 'Add' }));
  });

  it('Add of three inputs, one of them the model input (a skip connection)', () => {
    const model = spec(
      [6],
      { id: 'a', type: 'Dense', units: 6 },
      { id: 'b', type: 'Dense', units: 6, inputs: ['input'] },
      { id: 'sum', type: 'Add', inputs: ['input', 'a', 'b'] },
    );
    expect(expectSameAsTfjs(model).layers.at(-1)?.macs).toBe(0);
  });

  /** Three [4, 6, 2] inputs joined on `axis`. */
  const triple = (axis: number) =>
    spec(
      [4, 6, 2],
      { id: 'a', type: 'Reshape', targetShape: [4, 6, 2] },
      { id: 'b', type: 'Reshape', targetShape: [4, 6, 2], inputs: ['input'] },
      { id: 'cat', type: 'Concatenate', axis, inputs: ['a', 'b', 'input'] },
    );

  it.each([1, 2, 3, -1])('Concatenate on axis %i', (axis) => {
    expectSameAsTfjs(triple(axis));
  });

  // tfjs 4.22 shapes a negative axis like Keras but runs every negative axis as -1; Minnow follows Keras,
  // and the positive axis (rank + 1 + axis) is what a tfjs build must be given.
  it.each([
    [-2, 2],
    [-3, 1],
  ])('Concatenate on axis %i equals axis %i, as in Keras', (negative, positive) => {
    const ours = analyzeModel(triple(negative)).layers.at(-1);
    expect(ours?.outputShape).toEqual(expectSameAsTfjs(triple(positive)).layers.at(-1)?.outputShape);
    expect(ours?.outputShape).toEqual(tfjsFacts(triple(negative)).shapes.get('cat'));
  });

  it('[M-7] Concatenate of channels that differ, on the default axis -1', () => {
    const ours = expectSameAsTfjs(branches([5, 5, 3], [2, 7, 4], { type: 'Concatenate' }));
    expect(ours.layers.at(-1)?.outputShape).toEqual([5, 5, 13]);
  });

  it('Concatenate of vectors on axis 1', () => {
    const model = spec(
      [3],
      { id: 'a', type: 'Dense', units: 4 },
      { id: 'cat', type: 'Concatenate', axis: 1, inputs: ['input', 'a'] },
    );
    expect(expectSameAsTfjs(model).layers.at(-1)?.outputShape).toEqual([7]);
  });
});

describe('Add and Concatenate refuse mismatched inputs', () => {
  it.each([
    ['Add of different channel counts', branches([4, 4, 3], [5, 6], { type: 'Add' }), 'ADD_SHAPES'],
    [
      'Concatenate mismatched off the axis',
      branches([4, 4, 3], [5, 6], { type: 'Concatenate', axis: 1 }),
      'CONCAT_AXES',
    ],
    ['Add with one input', spec([4], { type: 'Dense', units: 4 }, { type: 'Add' }), 'WRONG_ARITY'],
  ])('%s (tfjs refuses too)', (_name, model, id) => {
    expect(outcome(model)).toEqual({ id, layer: model.layers.at(-1)?.id });
    expect(tfjsRefuses(model)).toBe(true);
  });

  // tfjs would broadcast a size-1 axis; the kernels add like-for-like, so Minnow asks for equal shapes.
  it('refuses Add of broadcastable but different shapes', () => {
    const model = spec(
      [4],
      { id: 'a', type: 'Dense', units: 1 },
      { id: 'sum', type: 'Add', inputs: ['input', 'a'] },
    );
    expect(outcome(model)).toEqual({ id: 'ADD_SHAPES', layer: 'sum' });
  });

  it('refuses Concatenate of inputs of different ranks', () => {
    const model = spec(
      [4, 2],
      { id: 'a', type: 'Flatten' },
      { id: 'cat', type: 'Concatenate', axis: 1, inputs: ['input', 'a'] },
    );
    expect(outcome(model)).toEqual({ id: 'CONCAT_AXES', layer: 'cat' });
  });

  it.each([0, 4, -4])('refuses Concatenate on axis %i of rank-3 inputs (0 is the batch axis)', (axis) => {
    const model = branches([4, 4, 3], [2, 2], { type: 'Concatenate', axis });
    expect(outcome(model)).toEqual({ id: 'INVALID_PARAM', layer: 'join' });
  });
});
