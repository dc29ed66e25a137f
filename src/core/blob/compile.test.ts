import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import { randomInputs, randomWeights } from '../quant/random-weights.ts';
import { compileModel } from './compile.ts';
import { blobSize } from './size.ts';
import { readBlob } from './reader.ts';

const mlp = analyzeModel(JSON.parse(readFileSync('examples/mnist-mlp.json', 'utf8')));

describe('compileModel', () => {
  it('packs the 784-100-10 MLP into at most 81,200 bytes: 79,840 of weights and biases, the rest format', () => {
    const { blob } = compileModel(mlp, randomWeights(mlp, 1), { calibration: randomInputs(mlp, 8, 1) });
    expect(blob.length).toBeLessThanOrEqual(81_200);
    const parsed = readBlob(blob);
    // 15 table entries, 110 requantization rows, the 64-byte header, the softmax table, under 16 B padding.
    expect(parsed.tensors.length + parsed.ops.length).toBe(15);
    expect(blob.length - 79_840).toBeLessThan(64 + 15 * 16 + 110 * 8 + 64 + 16);
  });

  it('gives the same bytes for the same weights and samples, and blobSize the same size', () => {
    const compile = () =>
      compileModel(mlp, randomWeights(mlp, 3), { calibration: randomInputs(mlp, 4, 3) }).blob;
    expect(Buffer.from(compile()).equals(Buffer.from(compile()))).toBe(true);
    expect(blobSize(mlp)).toBe(compile().length);
  });

  it('embeds a test vector only when asked (F-19)', () => {
    const options = { calibration: randomInputs(mlp, 2, 1) };
    const plain = readBlob(compileModel(mlp, randomWeights(mlp, 1), options).blob);
    const tested = readBlob(compileModel(mlp, randomWeights(mlp, 1), { ...options, testVector: true }).blob);
    expect([plain.header.flags, tested.header.flags]).toEqual([0, 1]);
    expect(tested.bytes.length - plain.bytes.length).toBeGreaterThanOrEqual(784 + 10);
  });
});
