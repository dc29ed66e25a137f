import { createRandom } from '../../core/random.ts';
import { sampleSize, type Dataset, type Target } from './types.ts';

export interface Split {
  readonly train: Int32Array;
  readonly validation: Int32Array;
}

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * A seeded shuffle, then the last `share` of it for validation. Built-in sets come sorted by class, so the
 * shuffle matters: tfjs's own validationSplit takes the tail unshuffled. Each side keeps at least one sample.
 * Overlapping windows of one sequence (`overlap` given, see Dataset) validate on the sequence's tail instead,
 * in order, and the `overlap` windows before it are left out: no training window then holds a byte of a
 * validation one, which would let the model be scored on text it learned.
 */
export function splitIndices(count: number, share: number, seed = 1, overlap?: number): Split {
  const wanted = Math.round(count * share);
  const validation = count < 2 ? 0 : Math.min(count - 1, Math.max(share > 0 ? 1 : 0, wanted));
  const random = createRandom(seed);
  if (overlap !== undefined) {
    const gap = Math.max(0, Math.min(overlap, count - validation - 1));
    return {
      train: Int32Array.from(random.shuffle(range(0, count - validation - gap))),
      validation: Int32Array.from(range(count - validation, count)),
    };
  }
  const order = random.shuffle(range(0, count));
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
