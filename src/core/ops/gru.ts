import { z } from 'zod';
import { ACTIVATIONS } from '../model/types.ts';
import { requireRank } from './layer-errors.ts';
import { packing, positiveInt, recurrentActivation, useBias } from './params.ts';
import { defineOp } from './types.ts';

/**
 * tfjs GRU: three gates (update, reset, candidate) side by side in each weight, reset applied before the
 * recurrent product (resetAfter false, the only variant tfjs runs), so one bias of 3·units.
 */
export const gru = defineOp({
  type: 'GRU',
  category: 'sequence',
  summary: 'Reads a sequence step by step and keeps a short memory of what it has seen so far.',
  kind: 'compute',
  schema: z
    .object({
      units: positiveInt,
      activation: z.enum(ACTIVATIONS).default('tanh'),
      recurrentActivation,
      useBias,
      returnSequences: z.boolean().default(false),
      resetAfter: z.literal(false, 'only false is supported, the GRU variant tfjs runs').default(false),
      packing,
    })
    .strict(),
  examples: { units: '"units": 32' },
  arity: { min: 1, max: 1 },
  outputShape(p, [input = []], layer) {
    requireRank(layer, input, 2, '[steps, features]', 'Add a Reshape to [steps, features] before it.');
    return p.returnSequences ? [input[0] ?? 0, p.units] : [p.units];
  },
  weights(p, [input = []]) {
    const gates = 3 * p.units;
    const weights = [
      { name: 'kernel', shape: [input[1] ?? 0, gates] },
      { name: 'recurrent_kernel', shape: [p.units, gates] },
    ];
    return p.useBias ? [...weights, { name: 'bias', shape: [gates] }] : weights;
  },
  // Per step, each of the three gates multiplies the input and the previous state by its weights.
  macs(p, [input = []]) {
    const [steps = 0, features = 0] = input;
    return steps * 3 * (features * p.units + p.units * p.units);
  },
});
