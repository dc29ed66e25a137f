import { describe, expect, it } from 'vitest';
import { errorOf, spec } from '../ops/test-spec.ts';

const image = [8, 8, 3];

describe('layer errors name the layer', () => {
  it('UNKNOWN_LAYER_TYPE suggests the nearest type', () => {
    const error = errorOf(spec(image, { id: 'c1', type: 'Conv2d', filters: 4, kernelSize: 3 }));
    expect(error).toMatchObject({ id: 'UNKNOWN_LAYER_TYPE', code: 103, layerId: 'c1' });
    expect(error.hint).toBe('Did you mean "Conv2D"?');
    expect(errorOf(spec([4], { id: 'd', type: 'Dens', units: 2 })).hint).toBe('Did you mean "Dense"?');
  });

  it('UNKNOWN_LAYER_TYPE lists the known types when nothing is close', () => {
    const error = errorOf(spec([4], { id: 't', type: 'Transformer' }));
    expect(error.layerId).toBe('t');
    expect(error.hint).toContain('Known types: Dense, Conv2D');
  });

  it('UNKNOWN_LAYER_TYPE for names inherited by every object', () => {
    expect(errorOf(spec([4], { id: 'x', type: 'toString' })).id).toBe('UNKNOWN_LAYER_TYPE');
  });

  it('MISSING_PARAM names the parameter and shows an example', () => {
    const error = errorOf(spec(image, { id: 'c1', type: 'Conv2D', kernelSize: 3 }));
    expect(error).toMatchObject({
      id: 'MISSING_PARAM',
      code: 104,
      layerId: 'c1',
      details: { param: 'filters' },
    });
    expect(error.hint).toContain('"filters": 8');
  });

  it.each([
    ['a negative count', { type: 'Dense', units: -3 }, 'units'],
    ['a fractional count', { type: 'Dense', units: 2.5 }, 'units'],
    ['a string for a number', { type: 'Dense', units: '10' }, 'units'],
    ['an unknown activation', { type: 'Dense', units: 2, activation: 'swish' }, 'activation'],
    ['an unknown padding', { type: 'Conv2D', filters: 2, kernelSize: 3, padding: 'full' }, 'padding'],
    [
      'a three-axis kernel on a 2D convolution',
      { type: 'Conv2D', filters: 2, kernelSize: [3, 3, 3] },
      'kernelSize',
    ],
    ['a zero stride', { type: 'MaxPooling2D', strides: 0 }, 'strides'],
    ['a non-boolean useBias', { type: 'Dense', units: 2, useBias: 'yes' }, 'useBias'],
  ])('INVALID_PARAM for %s', (_name, layer, param) => {
    const error = errorOf(spec(image, { id: 'bad', ...layer }));
    expect(error).toMatchObject({ id: 'INVALID_PARAM', code: 105, layerId: 'bad', details: { param } });
  });

  it.each([
    ['unit', 'Dense', { units: 2 }, 'units'],
    ['kernel_size', 'Conv2D', { filters: 2, kernelSize: 3 }, 'kernelSize'],
    ['poolsize', 'MaxPooling2D', {}, 'poolSize'],
    ['return_sequences', 'GRU', { units: 2 }, 'returnSequences'],
  ])(
    '[M-4] INVALID_PARAM for the misspelt "%s" on %s, with a "did you mean"',
    (typo, type, params, meant) => {
      const input = type === 'GRU' ? [5, 2] : image;
      const error = errorOf(spec(input, { id: 'typo', type, ...params, [typo]: 1 }));
      expect(error).toMatchObject({ id: 'INVALID_PARAM', layerId: 'typo', details: { param: typo } });
      expect(error.hint).toBe(`Did you mean "${meant}"?`);
    },
  );

  it('[M-4] INVALID_PARAM for a parameter no layer of that type has', () => {
    const error = errorOf(spec([4], { id: 'fc', type: 'Dense', units: 2, dilationRate: 2 }));
    expect(error).toMatchObject({ id: 'INVALID_PARAM', layerId: 'fc', hint: 'Remove "dilationRate".' });
  });

  it('SHAPE_MISMATCH for an input of the wrong rank', () => {
    const model = spec(
      image,
      { id: 'flat', type: 'Flatten' },
      { id: 'conv', type: 'Conv2D', filters: 2, kernelSize: 3 },
    );
    const error = errorOf(model);
    expect(error).toMatchObject({ id: 'SHAPE_MISMATCH', code: 110, layerId: 'conv' });
    expect(error.message).toContain('[192]');
  });

  it('ADD_SHAPES for an Add of different shapes', () => {
    const model = spec(
      [4],
      { id: 'a', type: 'Dense', units: 3 },
      { id: 'b', type: 'Dense', units: 5, inputs: ['input'] },
      { id: 'sum', type: 'Add', inputs: ['a', 'b'] },
    );
    const error = errorOf(model);
    expect(error).toMatchObject({ id: 'ADD_SHAPES', code: 111, layerId: 'sum' });
    expect(error.message).toContain('[3], [5]');
  });

  it('CONCAT_AXES for a Concatenate whose inputs differ off the axis', () => {
    const model = spec(
      [4, 4, 2],
      { id: 'a', type: 'MaxPooling2D' },
      { id: 'cat', type: 'Concatenate', inputs: ['input', 'a'] },
    );
    expect(errorOf(model)).toMatchObject({ id: 'CONCAT_AXES', code: 112, layerId: 'cat' });
  });

  it('KERNEL_TOO_LARGE for a window wider than its input under valid padding', () => {
    const model = spec([4, 4, 1], { id: 'conv', type: 'Conv2D', filters: 2, kernelSize: 5 });
    const error = errorOf(model);
    expect(error).toMatchObject({ id: 'KERNEL_TOO_LARGE', code: 113, layerId: 'conv' });
    expect(error.message).toContain('5x5 on an input of [4, 4]');
  });

  it('WRONG_ARITY for a one-input layer given two, and for a merge given one', () => {
    const two = spec(
      [4],
      { id: 'a', type: 'Dense', units: 4 },
      { id: 'b', type: 'Dense', units: 4, inputs: ['input', 'a'] },
    );
    expect(errorOf(two)).toMatchObject({ id: 'WRONG_ARITY', code: 115, layerId: 'b' });
    const one = spec([4], { id: 'cat', type: 'Concatenate' });
    expect(errorOf(one)).toMatchObject({ id: 'WRONG_ARITY', layerId: 'cat' });
  });
});
