import { describe, expect, it } from 'vitest';
import { MinnowError } from '../errors.ts';
import { parseModelJson, validateModel } from './analyze.ts';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = {
  format: 'minnow-model',
  version: 1,
  name: 'fuzz',
  input: { shape: [16, 16, 3] },
  layers: [
    { id: 'c1', type: 'Conv2D', filters: 4, kernelSize: 3, padding: 'same' },
    { id: 'dw', type: 'DepthwiseConv2D', kernelSize: [3, 3], strides: 2 },
    { id: 'bn', type: 'BatchNormalization' },
    { id: 'p', type: 'MaxPooling2D', poolSize: 2, inputs: ['bn'] },
    { id: 'q', type: 'AveragePooling2D', poolSize: 2, inputs: ['bn'] },
    { id: 'cat', type: 'Concatenate', axis: -1, inputs: ['p', 'q'] },
    { id: 'r', type: 'Reshape', targetShape: [-1, 8] },
    { id: 'g', type: 'GRU', units: 4, returnSequences: true },
    { id: 'c', type: 'Conv1D', filters: 4, kernelSize: 2 },
    { id: 'sum', type: 'Add', inputs: ['c', 'c'] },
    { id: 'f', type: 'Flatten' },
    { id: 'd', type: 'Dropout', rate: 0.1 },
    { id: 'out', type: 'Dense', units: 3, activation: 'softmax' },
  ],
};

function randomValue(rand: () => number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  return pick([
    () => null,
    () => pick([0, -1, 1, 2, 3, 1.5, 1e9, -1e-9, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]),
    () =>
      pick([
        '',
        'input',
        'c1',
        'out',
        'Dense',
        'Conv2D',
        'Add',
        'same',
        'relu',
        '__proto__',
        'toString',
        '💥',
      ]),
    () => pick([true, false]),
    () => [],
    () => [pick([1, 2, -1, 0]), pick([3, -1, 'x'])],
    () => ({}),
    () => ({ id: 'x', type: pick(['Dense', 'Add', 'Reshape', 'GRU']) }),
  ])();
}

/** A copy of `value` with one randomly chosen spot replaced by garbage or removed. */
function mutate(value: unknown, rand: () => number): unknown {
  if (value === null || typeof value !== 'object' || rand() < 0.1)
    return rand() < 0.1 ? undefined : randomValue(rand);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  const key = keys[Math.floor(rand() * keys.length)];
  if (key === undefined) return copy;
  (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], rand);
  return copy;
}

const PARAM_NAMES = [
  'units',
  'axis',
  'strides',
  'inputs',
  'targetShape',
  'poolSize',
  'padding',
  'depthMultiplier',
  'type',
];

/** Mostly sets or removes one parameter of one layer, where the interesting rules live; sometimes worse. */
function mutateModel(model: unknown, rand: () => number): unknown {
  const layers = (model as { layers?: unknown } | null)?.layers;
  if (!Array.isArray(layers) || layers.length === 0 || rand() < 0.15) return mutate(model, rand);
  const copy: unknown[] = [...layers];
  const at = Math.floor(rand() * copy.length);
  const layer = copy[at];
  if (rand() < 0.2 || layer === null || typeof layer !== 'object') {
    copy[at] = mutate(layer, rand);
  } else {
    const name = PARAM_NAMES[Math.floor(rand() * PARAM_NAMES.length)] as string;
    const { [name]: _old, ...rest } = layer as Record<string, unknown>;
    copy[at] = rand() < 0.2 ? rest : { ...rest, [name]: randomValue(rand) };
  }
  return { ...(model as object), layers: copy };
}

describe('garbage never crashes the analyzer', () => {
  it('the starting model is valid', () => {
    expect(validateModel(VALID).ok).toBe(true);
  });

  it('3000 mutated models each give a coded error or a sound analysis', () => {
    const rand = generator(20240611);
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      let raw: unknown = VALID;
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) raw = mutateModel(raw, rand);
      const result = validateModel(raw);
      if (!result.ok) {
        refused++;
        expect(result.error.code).toBeGreaterThanOrEqual(100);
        continue;
      }
      for (const layer of result.model.layers) {
        expect(
          layer.outputShape.every((d) => Number.isSafeInteger(d) && d > 0),
          layer.id,
        ).toBe(true);
        expect(Number.isSafeInteger(layer.paramCount) && Number.isSafeInteger(layer.macs), layer.id).toBe(
          true,
        );
      }
    }
    // Most mutations break something; some (a renamed activation, a new size) stay valid.
    expect(refused).toBeGreaterThan(1000);
    expect(refused).toBeLessThan(3000);
  });

  it('random text gives MODEL_NOT_JSON or a schema error, never a crash', () => {
    const rand = generator(7);
    const alphabet = '{}[]",:0123456789-.eE truefalsn\\u"\n\u0000é';
    for (let i = 0; i < 500; i++) {
      const text = Array.from(
        { length: Math.floor(rand() * 40) },
        () => alphabet[Math.floor(rand() * alphabet.length)],
      ).join('');
      try {
        parseModelJson(text);
      } catch (e) {
        expect(e).toBeInstanceOf(MinnowError);
      }
    }
  });
});
