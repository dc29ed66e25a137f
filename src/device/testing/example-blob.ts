import mnistSpec from '../../../examples/mnist-mlp.json';
import { compileModel, type Compiled } from '../../core/blob/compile.ts';
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
