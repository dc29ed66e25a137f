import { MinnowError } from '../../core/errors.ts';
import type { Dataset } from './types.ts';

export const MNIST_SIDE = 28;
const PIXELS = MNIST_SIDE * MNIST_SIDE;
export const MNIST_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * The digits of the `mnist` package as one data set: `digits[d]` holds every image of digit d, 784 pixels in
 * [0, 1] after another, row by row. `sampleShape` is [28, 28, 1] for convolutions or [784] for an MLP.
 */
export function mnistDataset(
  digits: readonly ArrayLike<number>[],
  sampleShape: readonly number[] = [MNIST_SIDE, MNIST_SIDE, 1],
): Dataset {
  const source = 'MNIST';
  if (digits.length !== MNIST_CLASSES.length) {
    throw new MinnowError('DATA_SOURCE', { source, detail: `expected 10 digit files, got ${digits.length}` });
  }
  if (sampleShape.reduce((a, b) => a * b, 1) !== PIXELS) {
    throw new MinnowError('DATA_SOURCE', {
      source,
      detail: `a digit has ${PIXELS} pixels, not [${sampleShape.join(', ')}]`,
    });
  }
  digits.forEach((pixels, d) => {
    if (pixels.length === 0 || pixels.length % PIXELS !== 0) {
      throw new MinnowError('DATA_SOURCE', {
        source,
        detail: `digit ${d} holds ${pixels.length} values, not a multiple of ${PIXELS}`,
      });
    }
  });
  const count = digits.reduce((n, pixels) => n + pixels.length / PIXELS, 0);
  const x = new Float32Array(count * PIXELS);
  const labels = new Int32Array(count);
  let at = 0;
  digits.forEach((pixels, d) => {
    for (let i = 0; i < pixels.length; i++) {
      const v = pixels[i] as number;
      if (!(v >= 0 && v <= 1)) {
        throw new MinnowError('DATA_SOURCE', {
          source,
          detail: `digit ${d}, value ${i} is ${v}, outside [0, 1]`,
        });
      }
      x[at * PIXELS + i] = v;
    }
    labels.fill(d, at, at + pixels.length / PIXELS);
    at += pixels.length / PIXELS;
  });
  return {
    name: 'MNIST',
    sampleShape: [...sampleShape],
    count,
    x,
    target: { kind: 'classes', names: [...MNIST_CLASSES], labels },
  };
}
