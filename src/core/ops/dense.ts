import { z } from 'zod';
import { shapeSize } from '../model/types.ts';
import { shapeMismatch } from './layer-errors.ts';
import { activation, packing, positiveInt, useBias } from './params.ts';
import { defineOp } from './types.ts';
import { kernelAndBias } from './weights.ts';

/** Dense acts on the last axis, as in tfjs: [..., in] → [..., units]. */
export const dense = defineOp({
  type: 'Dense',
  category: 'core',
  summary: 'Fully connected: every output unit sees every input value of the last axis.',
  kind: 'compute',
  schema: z.object({ units: positiveInt, activation, useBias, packing }).strict(),
  examples: { units: '"units": 10' },
  arity: { min: 1, max: 1 },
  outputShape(p, [input = []], layer) {
    if (input.length === 0) {
      throw shapeMismatch(
        layer,
        input,
        'it needs at least one axis.',
        'Give the model input a shape such as [784].',
      );
    }
    return [...input.slice(0, -1), p.units];
  },
  weights(p, [input = []]) {
    const inUnits = input[input.length - 1] ?? 0;
    return kernelAndBias('kernel', [inUnits, p.units], p.units, p.useBias);
  },
  // One multiply-accumulate per input value of the last axis per unit, at every leading position.
  macs(p, [input = []]) {
    return shapeSize(input) * p.units;
  },
});
