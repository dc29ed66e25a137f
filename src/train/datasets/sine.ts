import { createRandom } from '../../core/random.ts';
import type { Dataset } from './types.ts';

export interface SineOptions {
  readonly count?: number;
  readonly seed?: number;
  /** Standard deviation of the noise added to sin(x), as the TFLM hello-world example adds 0.1. */
  readonly noise?: number;
}

/** A standard normal draw (Box–Muller) from a seeded uniform source. */
export function gaussian(float: () => number): number {
  const u = 1 - float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * float());
}

/** The TFLM hello-world regression: x uniform in [0, 2π), y = sin(x) plus a little noise. */
export function sineDataset(options: SineOptions = {}): Dataset {
  const { count = 1000, seed = 1, noise = 0.1 } = options;
  const random = createRandom(seed);
  const x = new Float32Array(count);
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = random.float() * 2 * Math.PI;
    values[i] = Math.sin(x[i] as number) + noise * gaussian(random.float);
  }
  return { name: 'sine', sampleShape: [1], count, x, target: { kind: 'values', size: 1, values } };
}
