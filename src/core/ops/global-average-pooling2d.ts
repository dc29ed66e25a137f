import { z } from 'zod';
import { requireRank } from './layer-errors.ts';
import { defineOp } from './types.ts';

export const globalAveragePooling2d = defineOp({
  type: 'GlobalAveragePooling2D',
  category: 'pooling',
  summary: 'Averages each channel over the whole image, leaving one number per channel.',
  kind: 'compute',
  schema: z.object({}).strict(),
  examples: {},
  arity: { min: 1, max: 1 },
  outputShape(_p, [input = []], layer) {
    requireRank(layer, input, 3, '[height, width, channels]', 'Use it after a Conv2D or a pooling layer.');
    return [input[2] ?? 0];
  },
  weights: () => [],
  macs: () => 0,
});
