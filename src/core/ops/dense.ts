import { z } from 'zod';
import { MinnowError } from '../errors.ts';
import { formatShape, shapeSize } from '../model/types.ts';
import { activation, positiveInt, useBias } from './params.ts';
import { defineOp } from './types.ts';

/** Dense acts on the last axis, as in tfjs: [..., in] → [..., units]. */
export const dense = defineOp({
  type: 'Dense',
  category: 'core',
  summary: 'Fully connected: every output unit sees every input value of the last axis.',
  kind: 'compute',
  schema: z.object({ units: positiveInt, activation, useBias }).strict(),
  examples: { units: '"units": 10' },
  arity: { min: 1, max: 1 },
  outputShape(p, [input = []], layer) {
    if (input.length === 0) {
      throw new MinnowError('SHAPE_MISMATCH', {
        layer: layer.id,
        type: layer.type,
        shape: formatShape(input),
        detail: 'it needs at least one axis.',
        fix: 'Give the model input a shape such as [784].',
      });
    }
    return [...input.slice(0, -1), p.units];
  },
  weights(p, [input = []]) {
    const inUnits = input[input.length - 1] ?? 0;
    const kernel = { name: 'kernel', shape: [inUnits, p.units] };
    return p.useBias ? [kernel, { name: 'bias', shape: [p.units] }] : [kernel];
  },
  macs(p, [input = []]) {
    return shapeSize(input) * p.units;
  },
});
