import { createRandom } from '../../core/random.ts';
import { sampleSize, type Dataset, type Target } from './types.ts';

export interface Split {
  readonly train: Int32Array;
  readonly validation: Int32Array;
}

/**
 * A seeded shuffle, then the last `share` of it for validation. Built-in sets come sorted by class, so the
 * shuffle matters: tfjs's own validationSplit takes the tail unshuffled. Each side keeps at least one sample.
 */
export function splitIndices(count: number, share: number, seed = 1): Split {
  const order = createRandom(seed).shuffle(Array.from({ length: count }, (_, i) => i));
  const wanted = Math.round(count * share);
  const validation = count < 2 ? 0 : Math.min(count - 1, Math.max(share > 0 ? 1 : 0, wanted));
  return {
    train: Int32Array.from(order.slice(0, count - validation)),
    validation: Int32Array.from(order.slice(count - validation)),
  };
}

/** The samples at `indices` as a new data set, in that order. */
export function subset(dataset: Dataset, indices: Int32Array): Dataset {
  const n = sampleSize(dataset);
  const x = new Float32Array(indices.length * n);
  indices.forEach((s, i) => x.set(dataset.x.subarray(s * n, (s + 1) * n), i * n));
  const t = dataset.target;
  let target: Target;
  if (t.kind === 'classes') target = { ...t, labels: Int32Array.from(indices, (s) => t.labels[s] as number) };
  else {
    const values = new Float32Array(indices.length * t.size);
    indices.forEach((s, i) => values.set(t.values.subarray(s * t.size, (s + 1) * t.size), i * t.size));
    target = { ...t, values };
  }
  return { ...dataset, count: indices.length, x, target };
}
