import type { AnalyzedModel } from '../../core/model/types.ts';
import type { MemoryPlan } from '../../core/plan/types.ts';
import { floatModel, runFloat, type FloatModel } from '../../core/quant/float-run.ts';
import type { FloatWeights } from '../../core/quant/types.ts';

/**
 * The float model the blob was quantized from, as a function of one real input to its output scores: the
 * live test shows its top class beside the int8 ones. Built on the first call (core/quant's float kernels,
 * the ones that calibrate the blob), so a model never tested live costs nothing.
 */
export function floatScores(
  model: AnalyzedModel,
  plan: MemoryPlan,
  weights: FloatWeights,
): (input: Float32Array) => readonly number[] {
  let float: FloatModel | undefined;
  return (input) => {
    float ??= floatModel(model, plan.graph, weights);
    return Array.from(runFloat(float, input)[plan.graph.outputTensor] ?? []);
  };
}
