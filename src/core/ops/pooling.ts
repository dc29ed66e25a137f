import { z } from 'zod';
import { padding, windowSize } from './params.ts';
import { defineOp } from './types.ts';
import { perAxis, slide } from './window.ts';

/** Max and average pooling share one shape rule; tfjs defaults poolSize to 2 and strides to poolSize. */
function poolingOp(type: string, axes: number, summary: string) {
  return defineOp({
    type,
    category: 'pooling',
    summary,
    kind: 'compute',
    schema: z
      .object({
        poolSize: windowSize(axes).default(() => perAxis(2, axes)),
        strides: windowSize(axes).nullable().optional(),
        padding,
      })
      .strict()
      .transform((p) => ({ ...p, strides: p.strides ?? p.poolSize })),
    examples: {},
    arity: { min: 1, max: 1 },
    outputShape(p, [input = []], layer) {
      const { dims, channels } = slide(layer, input, {
        size: p.poolSize,
        strides: p.strides,
        padding: p.padding,
      });
      return [...dims, channels];
    },
    weights: () => [],
    macs: () => 0,
  });
}

export const maxPooling2d = poolingOp(
  'MaxPooling2D',
  2,
  'Shrinks an image by keeping the largest value in each small window, channel by channel.',
);

export const averagePooling2d = poolingOp(
  'AveragePooling2D',
  2,
  'Shrinks an image by averaging each small window, channel by channel.',
);

export const maxPooling1d = poolingOp(
  'MaxPooling1D',
  1,
  'Shortens a sequence by keeping the largest value in each small window, channel by channel.',
);
