import { z } from 'zod';
import { activation } from './params.ts';
import { defineOp } from './types.ts';

export const activationOp = defineOp({
  type: 'Activation',
  category: 'activation',
  summary: 'Applies a function such as relu or sigmoid to every value on its own.',
  kind: 'activation',
  // tfjs, unlike Keras, lets `activation` default to linear, which makes the layer a no-op.
  schema: z.object({ activation }).strict(),
  examples: {},
  arity: { min: 1, max: 1 },
  outputShape: (_p, [input = []]) => input,
  weights: () => [],
  macs: () => 0,
});
