import { compileModel } from '../../core/blob/compile.ts';
import { encodeUtf8 } from '../../core/blob/utf8.ts';
import { analyzeModel } from '../../core/model/analyze.ts';
import { randomWeights } from '../../core/quant/random-weights.ts';
import { languageModelSpec } from '../../core/testing/language-model.ts';

/** A small character model (byte tokens in and out), like the char-lm template, for tests. */
export const charModel = analyzeModel(
  languageModelSpec({ vocab: 256, units: 16, packing: { gru: 'ternary' } }),
);

/** Its int8 blob as the board gets it: GRU state kept between runs, calibrated on a stream of text. */
export function charBlob(seed = 3): Uint8Array {
  const calibration = Array.from(encodeUtf8('The river runs to the sea. '), (t) => Float32Array.of(t));
  return compileModel(charModel, randomWeights(charModel, seed), { calibration, keepGruState: true }).blob;
}
