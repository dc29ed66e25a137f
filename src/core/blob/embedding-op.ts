import { quantizeTensor } from '../quant/calibrate.ts';
import type { EmbeddingTable } from '../quant/embedding.ts';
import { packedValues } from '../quant/packing.ts';
import type { QuantParams } from '../quant/types.ts';
import { requantTable } from '../quant/weights.ts';
import type { StepContext, StepValues } from './step-ops.ts';

/**
 * F-67, F-73: an int8 table quantized straight to the output's quantization; a packed one (F-75) as levels
 * with the multiplier of each column's scale to the output's. Ids come from the model input.
 */
export function embeddingValues(c: StepContext, table: EmbeddingTable): StepValues {
  const output = c.quant[c.step.output] as QuantParams;
  if (!table.levels || !table.scales) return { values: [quantizeTensor(table.trained, output)] };
  // Each column's real multiplier: its scale over the output's (F-52).
  const requant = requantTable(
    Array.from(table.scales, (s) => s / output.scale),
    c.step.layer.id,
  );
  return { values: [packedValues(table.packing, table.levels), requant] };
}
