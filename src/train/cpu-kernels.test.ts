import { describe, expect, it } from 'vitest';
import { tf } from './test-tfjs.ts';

describe('the cpu split kernel', () => {
  const x = tf.tensor(
    Float32Array.from({ length: 3 * 4 * 6 }, (_, i) => i * 0.5 - 7),
    [3, 4, 6],
  );

  // tf.slice runs the backend's own Slice kernel: an independent reference.
  for (const axis of [0, 1, 2, -1]) {
    it(`gives the slices tf.slice gives, along axis ${axis}`, () => {
      const length = x.shape[(axis + 3) % 3] as number;
      const sizes = length === 3 ? [1, 2] : length === 4 ? [1, 3] : [2, 1, 3];
      let from = 0;
      tf.split(x, sizes, axis).forEach((part, k) => {
        const begin = [0, 0, 0];
        const size = [...x.shape];
        begin[(axis + 3) % 3] = from;
        size[(axis + 3) % 3] = sizes[k] as number;
        from += sizes[k] as number;
        expect(part.shape).toEqual(size);
        expect(Array.from(part.dataSync())).toEqual(Array.from(tf.slice(x, begin, size).dataSync()));
      });
    });
  }

  it('splits int32 and bool tensors, and into equal parts', () => {
    const ints = tf.tensor([1, 2, 3, 4, 5, 6], [2, 3], 'int32');
    expect(tf.split(ints, 3, 1).map((t) => [t.dtype, ...t.dataSync()])).toEqual([
      ['int32', 1, 4],
      ['int32', 2, 5],
      ['int32', 3, 6],
    ]);
    const bools = tf.tensor([true, false, false, true], [2, 2], 'bool');
    expect(tf.split(bools, 2, 1).map((t) => Array.from(t.dataSync()))).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('passes gradients back as before (the GRU trains through it)', () => {
    const grad = tf.grad((t: tf.Tensor) => {
      const [a, b] = tf.split(t, [2, 4], -1);
      return (a as tf.Tensor)
        .sum()
        .mul(2)
        .add((b as tf.Tensor).sum().mul(3));
    })(x);
    const expected = Array.from({ length: 72 }, (_, i) => (i % 6 < 2 ? 2 : 3));
    expect(Array.from(grad.dataSync())).toEqual(expected);
  });
});

describe('the cpu segment sum kernel', () => {
  it('sums rows into their segments, dropping ids out of range', () => {
    const x = tf.tensor([1, 2, 10, 20, 100, 200, 1000, 2000, 5, 6], [5, 2]);
    const ids = tf.tensor1d([2, 0, 2, -1, 3], 'int32');
    const out = tf.unsortedSegmentSum(x, ids, 3);
    expect(out.shape).toEqual([3, 2]);
    // Segment 0: row 1; segment 1: none; segment 2: rows 0 and 2; ids −1 and 3 add nowhere.
    expect(Array.from(out.dataSync())).toEqual([10, 20, 0, 0, 101, 202]);
  });

  it('gives an Embedding table the gradient of the rows its tokens looked up', () => {
    const table = tf.tensor(
      Array.from({ length: 12 }, (_, i) => i),
      [4, 3],
    );
    const tokens = tf.tensor1d([1, 3, 1], 'int32');
    const weight = tf.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3]);
    const grad = tf.grad((t: tf.Tensor) => tf.gather(t, tokens).mul(weight).sum())(table);
    // Row 1 is looked up twice (weights rows 0 and 2), row 3 once, rows 0 and 2 never.
    expect(Array.from(grad.dataSync())).toEqual([0, 0, 0, 8, 10, 12, 0, 0, 0, 4, 5, 6]);
  });
});
