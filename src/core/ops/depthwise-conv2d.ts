import { z } from 'zod';
import { shapeSize } from '../model/types.ts';
import { activation, convStrides, packing, padding, positiveInt, useBias, windowSize } from './params.ts';
import { defineOp } from './types.ts';
import { kernelAndBias } from './weights.ts';
import { slide } from './window.ts';

/** Each input channel gets its own `depthMultiplier` filters; channels never mix (tfjs channel order c·dm + m). */
export const depthwiseConv2d = defineOp({
  type: 'DepthwiseConv2D',
  category: 'convolution',
  summary: 'Filters each input channel on its own with a small window, far cheaper than a full Conv2D.',
  kind: 'compute',
  schema: z
    .object({
      kernelSize: windowSize(2),
      strides: convStrides(2),
      padding,
      depthMultiplier: positiveInt.default(1),
      activation,
      useBias,
      packing,
    })
    .strict(),
  examples: { kernelSize: '"kernelSize": 3' },
  arity: { min: 1, max: 1 },
  outputShape(p, [input = []], layer) {
    const { dims, channels } = slide(layer, input, {
      size: p.kernelSize,
      strides: p.strides,
      padding: p.padding,
    });
    return [...dims, channels * p.depthMultiplier];
  },
  weights(p, [input = []]) {
    const channels = input[2] ?? 0;
    const kernel = [...p.kernelSize, channels, p.depthMultiplier];
    return kernelAndBias('depthwise_kernel', kernel, channels * p.depthMultiplier, p.useBias);
  },
  // Each output value sums one window of one input channel.
  macs(p, _inputs, output) {
    return shapeSize(output) * shapeSize(p.kernelSize);
  },
});
