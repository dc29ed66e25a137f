import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { mnistDataset } from './mnist.ts';
import { errorCode } from '../test-support.ts';

const require = createRequire(import.meta.url);
const digits = Array.from({ length: 10 }, (_, d) => {
  const file = require.resolve(`mnist/src/digits/${d}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data;
});

describe('mnistDataset', () => {
  it('holds the 10,000 digits of the package, labelled by file, in [0, 1]', () => {
    const d = mnistDataset(digits);
    expect(d.count).toBe(10_000);
    expect(d.sampleShape).toEqual([28, 28, 1]);
    const labels = d.target.kind === 'classes' ? Array.from(d.target.labels) : [];
    expect(labels.filter((l) => l === 1).length).toBe(digits[1]!.length / 784);
    // The first image of digit 3 is where the 0s, 1s and 2s end.
    const first3 = (digits[0]!.length + digits[1]!.length + digits[2]!.length) / 784;
    expect(labels[first3]).toBe(3);
    expect(Array.from(d.x.subarray(first3 * 784, first3 * 784 + 784))).toEqual(
      digits[3]!.slice(0, 784).map(Math.fround),
    );
  });

  it('gives flat [784] samples for an MLP', () => {
    expect(mnistDataset(digits, [784]).sampleShape).toEqual([784]);
  });

  it('refuses wrong shapes, missing digits and values outside [0, 1]', () => {
    expect(errorCode(() => mnistDataset(digits, [32, 32, 1]))).toBe(649);
    expect(errorCode(() => mnistDataset(digits.slice(0, 9)))).toBe(649);
    const bad = digits.map((d) => d.slice(0, 784));
    bad[4] = [...bad[4]!.slice(0, 783), NaN];
    expect(errorCode(() => mnistDataset(bad))).toBe(649);
    expect(errorCode(() => mnistDataset(digits.map((d) => d.slice(0, 700))))).toBe(649);
  });
});
