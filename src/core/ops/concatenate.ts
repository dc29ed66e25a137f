import { z } from 'zod';
import { MinnowError } from '../errors.ts';
import { dataAxis } from './axis.ts';
import { formatShapes, MERGE_ARITY, sameShape } from './merge.ts';
import { axis } from './params.ts';
import { defineOp } from './types.ts';

const without = (shape: readonly number[], index: number) => shape.filter((_, i) => i !== index);

export const concatenate = defineOp({
  type: 'Concatenate',
  category: 'merge',
  summary: 'Joins two or more inputs side by side along one axis, usually the channels.',
  kind: 'compute',
  schema: z.object({ axis: axis.default(-1) }).strict(),
  examples: {},
  arity: MERGE_ARITY,
  outputShape(p, inputs, layer) {
    const [first = []] = inputs;
    const at = dataAxis(layer, p.axis, first.length);
    const rest = without(first, at);
    if (!inputs.every((shape) => shape.length === first.length && sameShape(without(shape, at), rest))) {
      throw new MinnowError('CONCAT_AXES', { layer: layer.id, shapes: formatShapes(inputs), axis: p.axis });
    }
    return first.map((d, i) => (i === at ? inputs.reduce((sum, shape) => sum + (shape[at] ?? 0), 0) : d));
  },
  weights: () => [],
  macs: () => 0,
});
