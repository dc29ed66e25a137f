import { z } from 'zod';
import { defineOp } from './types.ts';

export const relu = defineOp({
  type: 'ReLU',
  category: 'activation',
  summary: 'Replaces negative values with zero, and caps values at maxValue when one is given.',
  kind: 'activation',
  // tfjs leaves the cap unset (null); Keras writes `"maxValue": 6` for ReLU6.
  schema: z.object({ maxValue: z.number().positive().nullable().default(null) }).strict(),
  examples: {},
  arity: { min: 1, max: 1 },
  outputShape: (_p, [input = []]) => input,
  weights: () => [],
  macs: () => 0,
});
