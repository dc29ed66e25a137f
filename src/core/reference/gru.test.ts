import { describe, expect, it } from 'vitest';
import { compileModel } from '../blob/compile.ts';
import { blobSize } from '../blob/size.ts';
import { readBlob } from '../blob/reader.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { LayerSpec, ModelSpec } from '../model/types.ts';
import { floatGru } from '../quant/gru.ts';
import { randomWeights } from '../quant/random-weights.ts';
import { prepare, run } from './interpreter.ts';
import { compileCase, stepErrors, uniformInputs } from './test-harness.ts';
import { predict, tfjsModel } from './test-tfjs.ts';

const spec = (input: number[], layers: LayerSpec[]): ModelSpec => ({
  format: 'minnow-model',
  version: 1,
  name: 'gru',
  input: { shape: input },
  layers,
});

const variants = [
  { recurrentActivation: 'hardSigmoid', returnSequences: false },
  { recurrentActivation: 'sigmoid', returnSequences: true },
] as const;

describe('GRU (F-69, F-74)', () => {
  for (const v of variants) {
    it(`the float cell is tfjs's GRU (${v.recurrentActivation}, returnSequences ${v.returnSequences})`, () => {
      const model = analyzeModel(spec([7, 5], [{ id: 'g', type: 'GRU', units: 6, ...v }]));
      const weights = randomWeights(model, 4);
      const [x] = uniformInputs(model, 1, 2) as [Float32Array];
      const [want] = predict(tfjsModel(model, weights), [[x]]) as [Float32Array];
      const g = weights.g as Record<string, Float32Array>;
      const got = floatGru(x, {
        kernel: g.kernel as Float32Array,
        recurrent: g.recurrent_kernel as Float32Array,
        bias: g.bias as Float32Array,
        units: 6,
        hardSigmoid: v.recurrentActivation === 'hardSigmoid',
        returnSequences: v.returnSequences,
      });
      expect(got.length).toBe(want.length);
      got.forEach((y, i) => expect(Math.abs(y - (want[i] as number))).toBeLessThan(1e-5));
    });

    it(`int8 stays within 2 output steps (2/128) of tfjs (${v.recurrentActivation})`, () => {
      const layers: LayerSpec[] = [
        { id: 'c', type: 'Conv1D', filters: 8, kernelSize: 3, activation: 'relu' },
        { id: 'g', type: 'GRU', units: 16, ...v },
        { id: 'out', type: 'Dense', units: 4 },
      ];
      const inputs = (m: Parameters<typeof uniformInputs>[0]) => uniformInputs(m, 4, 9);
      const c = compileCase(spec([20, 3], layers), inputs, 5);
      const errors = stepErrors(c, inputs(c.model));
      expect(errors.map((e) => e.step.op)).toEqual(['Conv1D', 'GRU', 'Dense']);
      for (const { step, error } of errors)
        expect(error, step.op).toBeLessThanOrEqual(step.op === 'GRU' ? 2 : 1);
    });
  }

  it('F-69: with kept state, one token per run gives what the whole sequence gives', () => {
    const layers = (steps: number): ModelSpec =>
      spec(
        [steps],
        [
          { id: 'e', type: 'Embedding', inputDim: 30, outputDim: 8 },
          { id: 'g', type: 'GRU', units: 12, returnSequences: true },
        ],
      );
    const whole = analyzeModel(layers(9));
    const one = analyzeModel(layers(1));
    const weights = randomWeights(whole, 6);
    const ids = Float32Array.from([3, 17, 0, 29, 5, 5, 12, 8, 21]);
    const a = compileModel(whole, weights, { calibration: [ids] });
    const b = compileModel(one, weights, { calibration: [ids.subarray(0, 1)], keepGruState: true });
    const expected = run(
      prepare(readBlob(a.blob)),
      Int8Array.from(ids, (i) => i - 128),
      new Uint8Array(a.plan.arenaBytes),
    );
    const program = prepare(readBlob(b.blob));
    const arena = new Uint8Array(b.plan.arenaBytes);
    const streamed = [...ids].flatMap((id) => [...run(program, Int8Array.of(id - 128), arena)]);
    expect(streamed).toEqual([...expected]);
    expect(new Set(streamed).size).toBeGreaterThan(10);
  });

  it('F-74: the state lies above the planned buffers, inside the arena the blob asks for', () => {
    const model = analyzeModel(spec([6, 2], [{ id: 'g', type: 'GRU', units: 5 }]));
    const c = compileModel(model, randomWeights(model, 1), { calibration: uniformInputs(model, 1, 1) });
    const blob = readBlob(c.blob);
    const state = blob.tensors[blob.ops[0]?.in0 !== undefined ? (blob.ops[0].in0 as number) + 1 : -1];
    expect(state?.shape).toEqual([2, 5]);
    expect(blob.header.arenaSize).toBe((state?.offset ?? 0) + 10);
    expect(state?.offset).toBeGreaterThanOrEqual(Math.max(...c.plan.graph.tensors.map((t) => t.bytes)));
  });

  it('blobSize is the compiled size for every packing of the GRU and its Dense (the flash gauge)', () => {
    const model = analyzeModel(
      spec(
        [1],
        [
          { id: 'e', type: 'Embedding', inputDim: 64, outputDim: 16 },
          { id: 'g', type: 'GRU', units: 24 },
          { id: 'out', type: 'Dense', units: 64 },
        ],
      ),
    );
    const sizes = (['int8', 'int4', 'ternary'] as const).map((p) => {
      const packing = { g: p, out: p };
      const { blob } = compileModel(model, randomWeights(model, 2), {
        calibration: [Float32Array.of(7)],
        packing,
      });
      expect(blobSize(model, undefined, packing)).toBe(blob.length);
      return blob.length;
    });
    // GRU W [72, 16] and U [72, 24], Dense [64, 24]: 4,416 int8 weights.
    expect((sizes[0] as number) - (sizes[1] as number)).toBeGreaterThanOrEqual(4416 / 2 - 16);
    expect(sizes[2]).toBeLessThan(sizes[1] as number);
  });
});
