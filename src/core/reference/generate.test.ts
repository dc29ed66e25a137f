import { describe, expect, it } from 'vitest';
import { compileModel } from '../blob/compile.ts';
import { readBlob } from '../blob/reader.ts';
import { analyzeModel } from '../model/analyze.ts';
import { randomWeights } from '../quant/random-weights.ts';
import { argmaxInt8, generateGreedy } from './generate.ts';
import { prepare, run } from './interpreter.ts';
import { languageModelSpec } from '../testing/language-model.ts';

const model = analyzeModel(languageModelSpec({ vocab: 40, units: 16 }));
const calibration = [3, 9, 27, 1, 0].map((t) => Float32Array.of(t));
const program = prepare(
  readBlob(compileModel(model, randomWeights(model, 8), { calibration, keepGruState: true }).blob),
);

describe('P-16 greedy generation in the reference', () => {
  it('argmax takes the first of equal scores', () => {
    expect(argmaxInt8(Int8Array.of(-5, 7, 7, 2))).toBe(1);
  });

  it('each token is the argmax after the previous one, and the state restarts with every call', () => {
    const arena = new Uint8Array(program.blob.header.arenaSize).fill(77); // stale bytes from other runs
    const tokens = generateGreedy(program, arena, [5, 12, 30], 12);
    expect(generateGreedy(program, arena, [5, 12, 30], 12)).toEqual(tokens);
    // Replayed by hand from a zero state: the prompt, then each generated token in turn.
    const fresh = new Uint8Array(arena.length);
    const outputs = [5, 12, 30, ...tokens.slice(0, -1)].map((t) =>
      run(program, Int8Array.of(t - 128), fresh),
    );
    expect(outputs.slice(2).map(argmaxInt8)).toEqual(tokens);
    // The state matters: the same last token without the history scores differently.
    const alone = run(program, Int8Array.of(30 - 128), new Uint8Array(arena.length));
    expect([...alone]).not.toEqual([...(outputs[2] as Int8Array)]);
  });
});
