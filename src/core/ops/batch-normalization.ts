import { z } from 'zod';
import { axis } from './params.ts';
import { requireLastAxis } from './axis.ts';
import { defineOp } from './types.ts';

/** Four per-channel vectors as tfjs keeps them; compiling folds them into the producer's weights. */
export const batchNormalization = defineOp({
  type: 'BatchNormalization',
  category: 'normalization',
  summary:
    'Rescales each channel to a steady range learned in training; on the device it merges into the layer before it.',
  kind: 'fold',
  schema: z
    .object({
      axis: axis.default(-1),
      momentum: z.number().min(0).max(1).default(0.99),
      epsilon: z.number().positive().default(0.001),
    })
    .strict(),
  examples: {},
  arity: { min: 1, max: 1 },
  outputShape(p, [input = []], layer) {
    requireLastAxis(layer, p.axis, input);
    return input;
  },
  weights(_p, [input = []]) {
    const channels = [input[input.length - 1] ?? 0];
    return ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((name) => ({ name, shape: channels }));
  },
  macs: () => 0,
});
