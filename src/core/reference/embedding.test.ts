import { describe, expect, it } from 'vitest';
import { compileModel } from '../blob/compile.ts';
import { readBlob } from '../blob/reader.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { ModelSpec } from '../model/types.ts';
import { dequantize, quantFromRange } from '../quant/calibrate.ts';
import { randomWeights } from '../quant/random-weights.ts';
import { randomModel } from '../testing/random-model.ts';
import { prepare, run } from './interpreter.ts';
import { compileCase, sampleInputs, stepErrors } from './test-harness.ts';

const tokens = (inputDim: number): ModelSpec => ({
  format: 'minnow-model',
  version: 1,
  name: 'tokens',
  input: { shape: [6] },
  layers: [
    { id: 'e', type: 'Embedding', inputDim, outputDim: 3 },
    { id: 'f', type: 'Flatten' },
    { id: 'out', type: 'Dense', units: 2 },
  ],
});

describe('Embedding (F-67, F-73)', () => {
  it('F-73: ids are int8 q = id − 128, and each output row is the table row quantized to its own range', () => {
    const model = analyzeModel(tokens(20));
    const weights = randomWeights(model, 3);
    const table = weights.e?.embeddings as Float32Array;
    const compiled = compileModel(model, weights, { calibration: [Float32Array.from([0, 1, 2, 3, 4, 5])] });
    expect(compiled.input).toEqual({ scale: 1, zeroPoint: -128 });
    const q = compiled.quant[compiled.plan.graph.steps[0]?.output ?? -1];
    expect(q).toEqual(quantFromRange({ min: Math.min(...table), max: Math.max(...table) }));
    const program = prepare(readBlob(compiled.blob));
    const arena = new Uint8Array(compiled.plan.arenaBytes);
    const ids = [0, 19, 7, 25, 255, 3]; // 25 and 255 lie past the table: F-67 clamps them to row 19
    const seen: Int8Array[] = [];
    run(
      program,
      Int8Array.from(ids, (id) => id - 128),
      arena,
      (i, y) => (seen[i] = y.slice()),
    );
    const got = dequantize(seen[0] as Int8Array, q as NonNullable<typeof q>);
    ids.forEach((id, t) => {
      for (let d = 0; d < 3; d++) {
        const want = table[Math.min(id, 19) * 3 + d] as number;
        expect(Math.abs((got[t * 3 + d] as number) - want)).toBeLessThanOrEqual((q?.scale ?? 0) / 2 + 1e-7);
      }
    });
  });

  it('F-73: a vocabulary above 256 tokens is refused with E624', () => {
    const model = analyzeModel(tokens(300));
    expect(() =>
      compileModel(model, randomWeights(model, 1), { calibration: [new Float32Array(6)] }),
    ).toThrow(expect.objectContaining({ id: 'COMPILE_UNSUPPORTED', layerId: 'e' }));
  });

  it('random token models: every step within one quantization step of tfjs', () => {
    let checked = 0;
    for (let seed = 1; checked < 4 && seed < 200; seed++) {
      const spec = randomModel(seed, { embedding: true, blocks: 2, maxLayerMacs: 100_000 });
      const first = spec.layers[0];
      if (first?.type !== 'Embedding' || Number(first.inputDim) > 256) continue;
      // Whole ids inside the table: tfjs refuses others.
      const ids = (m: Parameters<typeof sampleInputs>[0]) => sampleInputs(m, 3, seed);
      const c = compileCase(spec, ids, seed);
      for (const { step, error } of stepErrors(c, ids(c.model))) {
        expect(error, `seed ${seed}: ${step.op} ${step.layerIds.join('+')}`).toBeLessThanOrEqual(1);
      }
      checked++;
    }
    expect(checked).toBe(4);
  }, 30_000);
});
