import { blobSize } from '../blob/size.ts';
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
  try {
    return blobSize(model, plan, packing);
  } catch (e) {
    if (isMinnowError(e)) return undefined;
    throw e;
  }
}
