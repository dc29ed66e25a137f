import { describe, expect, it } from 'vitest';
import { MinnowError } from '../errors.ts';
import { exactBlobBytes } from '../inspect/blob-size.ts';
import { inspectModel } from '../inspect/report.ts';
import { analyzeModel } from '../model/analyze.ts';
import { planModel } from '../plan/index.ts';
import { blobSize } from './size.ts';
import { MAX_SIZE } from './format.ts';
import { checkBlobLimits, weightElements } from './limits.ts';
import { writeBlob } from './writer.ts';

const dense = (units: number, packing?: string) => ({
  format: 'minnow-model',
  version: 1,
  name: 'wide',
  input: { shape: [784] },
  layers: [
    { id: 'hidden', type: 'Dense', units: 16, activation: 'relu' },
    { id: 'fc', type: 'Dense', units, ...(packing ? { packing } : {}) },
  ],
});

function refusal(f: () => unknown): MinnowError {
  try {
    f();
  } catch (e) {
    if (e instanceof MinnowError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('[F-4] models beyond the blob format', () => {
  it('counts weight values from shapes: 784·16 + 16 + 16·units + units', () => {
    expect(weightElements(planModel(analyzeModel(dense(10))))).toBe(784 * 16 + 16 + 16 * 10 + 10);
  });

  it('refuses from the shapes, naming the heaviest layer, a model of 10^12 units', () => {
    const model = analyzeModel(dense(1e12));
    const e = refusal(() => checkBlobLimits(planModel(model)));
    expect(e.code).toBe(624);
    expect(e.message).toMatch(/Layer "fc" \(Dense\)/);
    expect(e.message).toMatch(/a blob holds at most 16 MB/);
    expect(e.hint).toMatch(/fewer units/);
    // Sizing the blob is refused the same way, before any weight is made.
    expect(refusal(() => blobSize(model)).code).toBe(624);
  });

  it('suggests ternary or int4 packing only where it would bring the weights under the limit', () => {
    // 16 × 1.2M int8 weights ≈ 18 MB: over the limit, but ternary (5 a byte) fits.
    const e = refusal(() => checkBlobLimits(planModel(analyzeModel(dense(1_200_000)))));
    expect(e.hint).toMatch(/ternary or int4/);
    // The same layer packed as ternary is within the limit.
    expect(() => checkBlobLimits(planModel(analyzeModel(dense(1_200_000, 'ternary'))))).not.toThrow();
  });

  it('the gauge falls back to its upper bound, which is past every flash, for any model too big for a blob', () => {
    for (const units of [1_000_000, 1e12]) {
      const model = analyzeModel(dense(units));
      const plan = planModel(model);
      expect(exactBlobBytes(model, plan)).toBeUndefined();
      const report = inspectModel(dense(units), { chip: 'esp32c3' });
      expect(report.memory.blobBytes).toBeGreaterThan(MAX_SIZE);
      expect(report.verdict).toMatch(/^too-big/);
      expect(report.chip?.flash.fits).toBe(false);
    }
  });

  it('the writer refuses content past the limits instead of writing what the reader would call damaged', () => {
    const content = {
      name: 'x',
      arenaSize: MAX_SIZE + 1,
      inputTensor: 0,
      outputTensor: 0,
      tensors: [],
      ops: [],
    };
    const e = refusal(() => writeBlob(content));
    expect(e.code).toBe(627);
    expect(e.message).toMatch(/arena bytes 16777217, at most 16777216/);
  });
});
