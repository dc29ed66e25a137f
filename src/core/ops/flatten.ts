import { z } from 'zod';
import { shapeSize } from '../model/types.ts';
import { shapeMismatch } from './layer-errors.ts';
import { defineOp } from './types.ts';

export const flatten = defineOp({
  type: 'Flatten',
  category: 'reshape',
  summary: 'Lays a multi-axis tensor out as one long vector, without computing anything.',
  kind: 'view',
  schema: z.object({}).strict(),
  examples: {},
  arity: { min: 1, max: 1 },
  outputShape(_p, [input = []], layer) {
    // tfjs refuses to flatten an input that is already a vector.
    if (input.length < 2) {
      throw shapeMismatch(layer, input, 'it is already one-dimensional.', 'Remove the Flatten layer.');
    }
    return [shapeSize(input)];
  },
  weights: () => [],
  macs: () => 0,
});
