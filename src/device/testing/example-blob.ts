import charLmSpec from '../../../examples/char-lm.json';
import mnistSpec from '../../../examples/mnist-mlp.json';
import { compileModel, type Compiled } from '../../core/blob/compile.ts';
import { encodeUtf8 } from '../../core/blob/utf8.ts';
import { analyzeModel } from '../../core/model/analyze.ts';
import { randomInputs, randomWeights } from '../../core/quant/random-weights.ts';

/**
 * The MNIST MLP of examples/ compiled with seeded random weights (a stand-in for trained ones): a different
 * seed gives a blob of the same layout with other weights, as retraining does. Pure core code, so the browser
 * harness uses it too.
 */
export function compileExample(seed = 1, spec: unknown = mnistSpec): Compiled & { samples: Float32Array[] } {
  const model = analyzeModel(spec);
  const samples = randomInputs(model, 8, seed);
  return {
    ...compileModel(model, randomWeights(model, seed), { calibration: samples, testVector: true }),
    samples,
  };
}

/** The char-LM of examples/ with seeded random weights, streaming (F-69), calibrated on a line of text. */
export function compileTokenExample(seed = 1): Compiled {
  const model = analyzeModel(charLmSpec);
  const text = encodeUtf8('The quick brown fox jumps over the lazy dog, and the board writes on.');
  return compileModel(model, randomWeights(model, seed), {
    calibration: Array.from(text, (token) => Float32Array.of(token)),
    testVector: true,
    keepGruState: true,
  });
}
