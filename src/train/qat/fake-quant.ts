import * as tf from '@tensorflow/tfjs';
import type { WeightPacking } from '../../core/quant/packing.ts';
import { quantizeGrid } from './grid.ts';

/**
 * Fake quantization of a kernel whose output channels are its `channels` fastest-varying elements. The
 * forward pass gives the compiled grid (quantizeGrid); the backward pass is a straight-through estimator:
 * the gradient reaches the float kernel unchanged. No weight is ever clipped, since every scale is taken
 * from the channel's own range (max|w| for int8/int4, kept-weight mean for ternary, whose zeroed weights
 * still learn through the identity), so the pass-through window is the whole kernel.
 */
export function fakeQuantize(packing: WeightPacking, kernel: tf.Tensor, channels: number): tf.Tensor {
  const op = tf.customGrad((...args) => {
    const x = args[0] as tf.Tensor;
    // The grid is read on the CPU: kernels are small and the compiler's float64 quantizer is the reference.
    const grid = quantizeGrid(packing, x.dataSync() as Float32Array, channels);
    return { value: tf.tensor(grid, x.shape), gradFunc: (dy: tf.Tensor) => dy };
  });
  return op(kernel);
}
