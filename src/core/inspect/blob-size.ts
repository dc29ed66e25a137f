import { blobSize } from '../blob/compile.ts';
import { isMinnowError } from '../errors.ts';
import type { AnalyzedModel, WeightPacking } from '../model/types.ts';
import type { MemoryPlan } from '../plan/types.ts';

/** The size the blob writer will produce, or undefined while some step has no int8 kernel. */
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
