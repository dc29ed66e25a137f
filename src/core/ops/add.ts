import { z } from 'zod';
import { MinnowError } from '../errors.ts';
import { formatShapes, MERGE_ARITY, sameShape } from './merge.ts';
import { defineOp } from './types.ts';

export const add = defineOp({
  type: 'Add',
  category: 'merge',
  summary: 'Adds two or more inputs of the same shape value by value, as in a residual (skip) connection.',
  kind: 'compute',
  schema: z.object({}).strict(),
  examples: {},
  arity: MERGE_ARITY,
  outputShape(_p, inputs, layer) {
    const [first = []] = inputs;
    // tfjs would broadcast size-1 axes; the kernels add like-for-like only, so shapes must match exactly.
    if (!inputs.every((shape) => sameShape(shape, first))) {
      throw new MinnowError('ADD_SHAPES', { layer: layer.id, shapes: formatShapes(inputs) });
    }
    return first;
  },
  weights: () => [],
  macs: () => 0,
});
