import { describe, expect, it } from 'vitest';
import type { Shape } from '../model/types.ts';
import { type LayerInput, macsOf, outcome, spec } from './test-spec.ts';
import { expectSameAsTfjs, tfjsRefuses } from './test-tfjs.ts';

const cases: [string, Shape, LayerInput][] = [
  ['Dense on a vector', [784], { type: 'Dense', units: 100, activation: 'relu' }],
  ['Dense without bias', [16], { type: 'Dense', units: 3, useBias: false }],
  ['[M-8] Dense on a rank-3 input acts on the last axis', [4, 5, 6], { type: 'Dense', units: 7 }],
  ['Dense on a sequence', [10, 3], { type: 'Dense', units: 2, activation: 'softmax' }],
  ['Dropout keeps the shape', [3, 4], { type: 'Dropout', rate: 0.5 }],
  ['Dropout rate 0', [6], { type: 'Dropout', rate: 0 }],
];

describe('[M-10] Dense and Dropout match tfjs shapes and parameter counts', () => {
  it.each(cases)('%s', (_name, input, layer) => {
    expectSameAsTfjs(spec(input, layer));
  });
});

describe('[M-9] Dense MACs', () => {
  it('in·units on a vector', () => {
    expect(macsOf([784], { type: 'Dense', units: 100 })).toBe(78_400);
  });

  it('[M-8] product(input shape)·units on a rank-3 input: one in·units product per leading position', () => {
    expect(macsOf([4, 5, 6], { type: 'Dense', units: 7 })).toBe(4 * 5 * (6 * 7));
  });

  it('Dropout costs nothing', () => {
    expect(macsOf([3, 4], { type: 'Dropout', rate: 0.5 })).toBe(0);
  });
});

describe('Dense and Dropout refusals', () => {
  it('refuses a Dropout rate of 1, which would silence everything (tfjs too)', () => {
    const model = spec([4], { type: 'Dropout', rate: 1 });
    expect(outcome(model)).toEqual({ id: 'INVALID_PARAM', layer: 'l0' });
  });

  it('refuses zero units', () => {
    const model = spec([4], { type: 'Dense', units: 0 });
    expect(outcome(model)).toEqual({ id: 'INVALID_PARAM', layer: 'l0' });
    expect(tfjsRefuses(model)).toBe(true);
  });
});
