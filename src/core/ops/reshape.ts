import { z } from 'zod';
import { formatShape, shapeSize, type Shape } from '../model/types.ts';
import { shapeMismatch } from './layer-errors.ts';
import { defineOp } from './types.ts';

/**
 * A positive size per axis, or -1 for one axis whose size follows from the others (as tfjs); at most four
 * axes, like the model input.
 */
const targetShape = z
  .array(
    z
      .number()
      .int()
      .refine((d) => d > 0 || d === -1, 'every size must be positive, or -1 for one axis'),
  )
  .min(1)
  .max(4)
  .refine((dims) => dims.filter((d) => d === -1).length <= 1, 'only one size may be -1');

function resolve(target: Shape, total: number): number[] | undefined {
  const known = shapeSize(target.filter((d) => d !== -1));
  if (!target.includes(-1)) return known === total ? [...target] : undefined;
  return total % known === 0 ? target.map((d) => (d === -1 ? total / known : d)) : undefined;
}

export const reshape = defineOp({
  type: 'Reshape',
  category: 'reshape',
  summary: 'Gives the same values a new shape, such as a vector of 784 as a 28x28 image.',
  kind: 'view',
  schema: z.object({ targetShape }).strict(),
  examples: { targetShape: '"targetShape": [28, 28, 1]' },
  arity: { min: 1, max: 1 },
  outputShape(p, [input = []], layer) {
    const total = shapeSize(input);
    const shape = resolve(p.targetShape, total);
    if (shape) return shape;
    throw shapeMismatch(
      layer,
      input,
      `its ${total} values do not fit the target shape ${formatShape(p.targetShape)}.`,
      `Choose sizes that multiply to ${total}, or write -1 for one of them.`,
    );
  },
  weights: () => [],
  macs: () => 0,
});
