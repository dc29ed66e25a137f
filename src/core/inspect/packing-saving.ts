import type { AnalyzedModel } from '../model/types.ts';
import type { MemoryPlan } from '../plan/types.ts';
import { layerPackings } from '../quant/packing.ts';
import { formatBytes } from '../units.ts';
import { exactBlobBytes } from './blob-size.ts';
import { stepWeightBytes } from './weights.ts';

/**
 * Flash the layers' weight packings (M-11) save: the blob of the same model with every layer int8, less the
 * blob as written. `asWritten` is the exact size of the latter when the caller already has it.
 */
export function packingSavedBytes(model: AnalyzedModel, plan: MemoryPlan, asWritten?: number): number {
  const packed = Object.keys(layerPackings(model));
  if (packed.length === 0) return 0;
  const exact = asWritten ?? exactBlobBytes(model, plan);
  const int8 =
    exact === undefined
      ? undefined
      : exactBlobBytes(model, plan, Object.fromEntries(packed.map((id) => [id, 'int8' as const])));
  if (exact !== undefined && int8 !== undefined) return int8 - exact;
  // Without an exact size both blobs are framing estimates over the same steps: only the weights differ.
  let saved = 0;
  for (const step of plan.graph.steps) saved += stepWeightBytes(step, 'int8') - stepWeightBytes(step);
  return saved;
}

/** "Weight packing saves 61 KB of flash (77 %)", against the int8 blob; undefined when nothing is packed. */
export function describePackingSaving(memory: {
  readonly int8BlobBytes: number;
  readonly packingSavedBytes: number;
}): string | undefined {
  const { int8BlobBytes, packingSavedBytes } = memory;
  if (packingSavedBytes <= 0 || int8BlobBytes <= 0) return undefined;
  const percent = Math.round((100 * packingSavedBytes) / int8BlobBytes);
  return `Weight packing saves ${formatBytes(packingSavedBytes)} of flash (${percent} %)`;
}
