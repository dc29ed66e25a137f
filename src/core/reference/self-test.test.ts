import { describe, expect, it } from 'vitest';
import { compileModel } from '../blob/compile.ts';
import { readBlob, testVectorOf } from '../blob/reader.ts';
import { analyzeModel } from '../model/analyze.ts';
import { randomWeights } from '../quant/random-weights.ts';
import { prepare, run, selfTest } from './interpreter.ts';
import { languageModelSpec } from '../testing/language-model.ts';

const LM = languageModelSpec({ vocab: 40, units: 12, packing: { embed: 'ternary' } });

function compiled() {
  const model = analyzeModel(LM);
  const calibration = [5, 11, 30, 2, 19].map((t) => Float32Array.of(t));
  return compileModel(model, randomWeights(model, 9), { calibration, keepGruState: true, testVector: true })
    .blob;
}

describe('the self-test of a model that keeps its GRU state (F-19, F-69)', () => {
  it('the test vector is the output from a cleared state, and compiling again gives the same bytes', () => {
    const blob = compiled();
    expect(compiled()).toEqual(blob);
    const program = prepare(readBlob(blob));
    const vector = testVectorOf(program.blob);
    expect([...(vector?.input ?? [])]).toEqual([5 - 128]);
    const fresh = run(program, vector?.input as Int8Array, new Uint8Array(program.blob.header.arenaSize));
    expect([...fresh]).toEqual([...(vector?.output ?? [])]);
  });

  it('passes after other tokens have moved the state, which would change the output', () => {
    const program = prepare(readBlob(compiled()));
    const vector = testVectorOf(program.blob) as { input: Int8Array; output: Int8Array };
    const arena = new Uint8Array(program.blob.header.arenaSize);
    for (const t of [7, 33, 1]) run(program, Int8Array.of(t - 128), arena);
    const carried = run(program, vector.input, arena.slice());
    expect([...carried]).not.toEqual([...vector.output]);
    expect(() => selfTest(program, arena)).not.toThrow();
  });
});
