import { blobSize } from '../blob/compile.ts';
import { MAX_SIZE } from '../blob/format.ts';
import { weightElements } from '../blob/limits.ts';
import { isMinnowError } from '../errors.ts';
import type { AnalyzedModel, WeightPacking } from '../model/types.ts';
import type { MemoryPlan } from '../plan/types.ts';

/**
 * The size the blob writer will produce; undefined while some step has no int8 kernel, or when the model is too
 * big for any blob (the budget then takes the upper bound, which is already past every flash).
 */
export function exactBlobBytes(
  model: AnalyzedModel,
  plan: MemoryPlan,
  packing?: Readonly<Record<string, WeightPacking>>,
): number | undefined {
  // Past MAX_SIZE weight values no packing fits a blob, and writing one to measure it would allocate them all.
  if (weightElements(plan) > MAX_SIZE) return undefined;
  try {
    return blobSize(model, plan, packing);
  } catch (e) {
    if (isMinnowError(e)) return undefined;
    throw e;
  }
}
