import { z } from 'zod';
import { shapeSize } from '../model/types.ts';
import { activation, convStrides, packing, padding, positiveInt, useBias, windowSize } from './params.ts';
import { defineOp } from './types.ts';
import { kernelAndBias } from './weights.ts';
import { slide } from './window.ts';

/** Conv1D and Conv2D differ only in the number of spatial axes; tfjs kernel layout [...window, in, filters]. */
function convOp(type: string, axes: number, summary: string) {
  return defineOp({
    type,
    category: 'convolution',
    summary,
    kind: 'compute',
    schema: z
      .object({
        filters: positiveInt,
        kernelSize: windowSize(axes),
        strides: convStrides(axes),
        padding,
        activation,
        useBias,
        packing,
      })
      .strict(),
    examples: { filters: '"filters": 8', kernelSize: '"kernelSize": 3' },
    arity: { min: 1, max: 1 },
    outputShape(p, [input = []], layer) {
      const { dims } = slide(layer, input, { size: p.kernelSize, strides: p.strides, padding: p.padding });
      return [...dims, p.filters];
    },
    weights(p, [input = []]) {
      const inChannels = input[axes] ?? 0;
      return kernelAndBias('kernel', [...p.kernelSize, inChannels, p.filters], p.filters, p.useBias);
    },
    // Every output value (each position and filter) is a dot product over the window and all input channels.
    macs(p, [input = []], output) {
      return shapeSize(output) * shapeSize(p.kernelSize) * (input[axes] ?? 0);
    },
  });
}

export const conv2d = convOp(
  'Conv2D',
  2,
  'Slides small learned filters over an image; each filter looks for one local pattern and makes one output channel.',
);

export const conv1d = convOp(
  'Conv1D',
  1,
  'Slides small learned filters along a sequence (such as sensor samples); each filter makes one output channel.',
);
