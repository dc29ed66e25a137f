import { z } from 'zod';
import { defineOp } from './types.ts';

/** Active only while training; at inference the values pass through unchanged. */
export const dropout = defineOp({
  type: 'Dropout',
  category: 'core',
  summary:
    'While training, randomly silences a share of the values so the network does not over-learn; on the device it does nothing.',
  kind: 'view',
  schema: z.object({ rate: z.number().min(0).lt(1, 'the rate must be below 1') }).strict(),
  examples: { rate: '"rate": 0.2' },
  arity: { min: 1, max: 1 },
  outputShape: (_p, [input = []]) => input,
  weights: () => [],
  macs: () => 0,
});
