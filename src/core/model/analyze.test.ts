import { describe, expect, it } from 'vitest';
import { errorOf, outcome, spec } from '../ops/test-spec.ts';
import { analyzeModel, parseModelJson } from './analyze.ts';

const image = [8, 8, 3];

describe('analyzeModel accepts a valid model', () => {
  it('[M-9] [M-10] computes per-layer sizes and totals (mnist-mlp: 784·100 + 100 + 100·10 + 10 parameters)', () => {
    const model = analyzeModel(
      spec(
        [28, 28, 1],
        { type: 'Flatten' },
        { type: 'Dense', units: 100, activation: 'relu' },
        { type: 'Dense', units: 10 },
      ),
    );
    expect(model.layers.map((l) => l.outputShape)).toEqual([[784], [100], [10]]);
    expect(model.paramCount).toBe(784 * 100 + 100 + 100 * 10 + 10);
    expect(model.macs).toBe(784 * 100 + 100 * 10);
    expect(model.outputId).toBe('l2');
    expect(model.layers[1]?.params).toEqual({
      units: 100,
      activation: 'relu',
      useBias: true,
      packing: 'int8',
    });
  });
});

describe('file-level errors', () => {
  it.each(['', '{', '{"format": "minnow-model",}', 'NaN', '\u0000', "{'a': 1}"])(
    'MODEL_NOT_JSON for %j',
    (text) => {
      expect(() => parseModelJson(text)).toThrow(
        expect.objectContaining({ id: 'MODEL_NOT_JSON', code: 100 }),
      );
    },
  );

  it.each([null, 42, 'model', [], {}, { format: 'minnow-model' }, { ...spec(image), version: '1' }])(
    'MODEL_SCHEMA for %j',
    (raw) => {
      expect(errorOf(raw)).toMatchObject({ id: 'MODEL_SCHEMA', code: 101, layerId: undefined });
    },
  );

  it('MODEL_SCHEMA names the path and the layer when a layer is malformed', () => {
    const raw = { ...spec(image), layers: [{ id: 'fc', type: 'Dense', units: 2, inputs: 'input' }] };
    const error = errorOf(raw);
    expect(error).toMatchObject({ id: 'MODEL_SCHEMA', layerId: 'fc' });
    expect(error.message).toContain('layers.0.inputs');
  });

  it.each([
    ['[M-3] an input shape with a zero', { ...spec([0, 3]), layers: [{ id: 'a', type: 'Flatten' }] }],
    ['a layer that is not an object', { ...spec(image), layers: [null] }],
    ['a layer without a type', { ...spec(image), layers: [{ id: 'a' }] }],
  ])('MODEL_SCHEMA for %s', (_name, raw) => {
    expect(errorOf(raw).id).toBe('MODEL_SCHEMA');
  });

  it.each([0, 2, 1.5])('[M-1] MODEL_VERSION for version %d', (version) => {
    const error = errorOf({ ...spec(image, { type: 'Flatten' }), version });
    expect(error).toMatchObject({ id: 'MODEL_VERSION', code: 102 });
    expect(error.message).toContain(String(version));
  });

  it('EMPTY_MODEL for a model without layers', () => {
    expect(errorOf(spec(image))).toMatchObject({ id: 'EMPTY_MODEL', code: 116 });
  });
});

describe('error presentation', () => {
  it('describe() and toJSON() carry the code, the hint and the layer', () => {
    const error = errorOf(spec([4], { id: 'fc', type: 'Dense' }));
    expect(error.describe()).toBe(
      'E104 Layer "fc" (Dense) is missing the parameter "units". — Add "units" to the layer, for example "units": 10.',
    );
    expect(error.toJSON()).toEqual({
      code: 104,
      id: 'MISSING_PARAM',
      message: error.message,
      hint: error.hint,
      layer: 'fc',
    });
  });

  it('reports the first problem in file order when a later layer also has one', () => {
    const model = spec([4], { id: 'a', type: 'Dense' }, { id: 'b', type: 'Dens', units: 2 });
    expect(outcome(model)).toEqual({ id: 'MISSING_PARAM', layer: 'a' });
  });
});
