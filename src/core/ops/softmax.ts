import { z } from 'zod';
import { requireLastAxis } from './axis.ts';
import { axis } from './params.ts';
import { defineOp } from './types.ts';

export const softmax = defineOp({
  type: 'Softmax',
  category: 'activation',
  summary: 'Turns the values of the last axis into probabilities that add up to 1.',
  kind: 'activation',
  // The tfjs layer defaults to axis 1, which is the last axis only for vectors; -1 says what is meant for
  // every rank, and a file built from these parameters behaves the same in tfjs.
  schema: z.object({ axis: axis.default(-1) }).strict(),
  examples: {},
  arity: { min: 1, max: 1 },
  outputShape(p, [input = []], layer) {
    requireLastAxis(layer, p.axis, input);
    return input;
  },
  weights: () => [],
  macs: () => 0,
});
