/** The character language model of the generate check and the golden cases. */
import { compileModel } from '../src/core/blob/compile.ts';
import { analyzeModel, type ModelSpec } from '../src/core/model/index.ts';
import { randomWeights } from '../src/core/quant/random-weights.ts';

export const CHAR_LM: ModelSpec = {
  format: 'minnow-model',
  version: 1,
  name: 'char-lm',
  input: { shape: [1] },
  layers: [
    { id: 'embed', type: 'Embedding', inputDim: 256, outputDim: 64 },
    { id: 'gru', type: 'GRU', units: 64 },
    { id: 'logits', type: 'Dense', units: 256 },
  ],
};

/**
 * The char-LM blob: one token per run, ternary GRU and Dense weights, seeded random weights. With `keepState` the
 * GRU state carries over between runs (for `generate`); without, each run starts from a zero state, which
 * costs the same instructions and gives a golden case whose output does not depend on earlier runs.
 */
export function charLmBlob(keepState: boolean): Uint8Array {
  const model = analyzeModel(CHAR_LM);
  const calibration = [...'The quick brown fox'].map((c) => Float32Array.of(c.charCodeAt(0)));
  return compileModel(model, randomWeights(model, 11), {
    calibration,
    keepGruState: keepState,
    packing: { gru: 'ternary', logits: 'ternary' },
  }).blob;
}
