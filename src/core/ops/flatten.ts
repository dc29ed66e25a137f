import { z } from 'zod';
import { MinnowError } from '../errors.ts';
import { formatShape, shapeSize } from '../model/types.ts';
import { defineOp } from './types.ts';

export const flatten = defineOp({
  type: 'Flatten',
  category: 'reshape',
  summary: 'Lays a multi-axis tensor out as one vector (no computation, no memory).',
  kind: 'view',
  schema: z.object({}).strict(),
  examples: {},
  arity: { min: 1, max: 1 },
  outputShape(_p, [input = []], layer) {
    // tfjs refuses to flatten an input that is already a vector.
    if (input.length < 2) {
      throw new MinnowError('SHAPE_MISMATCH', {
        layer: layer.id,
        type: layer.type,
        shape: formatShape(input),
        detail: 'it is already one-dimensional.',
        fix: 'Remove the Flatten layer.',
      });
    }
    return [shapeSize(input)];
  },
  weights: () => [],
  macs: () => 0,
});
