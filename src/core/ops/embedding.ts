import { z } from 'zod';
import { requireRank } from './layer-errors.ts';
import { packing, positiveInt } from './params.ts';
import { defineOp } from './types.ts';

/** A lookup table: token id t selects row t of an [inputDim, outputDim] matrix. */
export const embedding = defineOp({
  type: 'Embedding',
  category: 'sequence',
  summary:
    'Looks up a learned vector for each token id, turning a list of words or symbols into numbers to compute with.',
  kind: 'compute',
  schema: z.object({ inputDim: positiveInt, outputDim: positiveInt, packing }).strict(),
  examples: { inputDim: '"inputDim": 1000', outputDim: '"outputDim": 16' },
  arity: { min: 1, max: 1 },
  outputShape(p, [input = []], layer) {
    requireRank(
      layer,
      input,
      1,
      '[steps] of token ids',
      'Feed it the model input, a sequence of token ids such as [20].',
    );
    return [...input, p.outputDim];
  },
  weights: (p) => [{ name: 'embeddings', shape: [p.inputDim, p.outputDim] }],
  macs: () => 0,
});
