import { quantizeTensor } from '../quant/calibrate.ts';
import { MAX_VOCABULARY, type EmbeddingTable } from '../quant/embedding.ts';
import { PACKING_TYPE, packedValues } from '../quant/packing.ts';
import type { QuantParams } from '../quant/types.ts';
import { unsupported } from '../quant/unsupported.ts';
import { requantTable } from '../quant/weights.ts';
import { EMBEDDING_SCALED } from '../reference/embedding.ts';
import { ElementType } from './format.ts';
import type { StepContext } from './step-ops.ts';

/**
 * F-67, F-73: an int8 table quantized straight to the output's quantization; a packed one (F-75) as levels
 * with the multiplier of each column's scale to the output's. Ids come from the model input.
 */
export function embeddingOp(c: StepContext, table: EmbeddingTable): { constants: number; attr: number[] } {
  const { step, graph } = c;
  const [vocabulary = 0, dim = 0] = step.layer.weights[0]?.shape ?? [];
  if (vocabulary > MAX_VOCABULARY)
    throw unsupported(
      step,
      `its ${vocabulary} tokens do not fit an int8 id`,
      `Use at most ${MAX_VOCABULARY} tokens.`,
    );
  if (step.inputs[0] !== graph.inputTensor)
    throw unsupported(
      step,
      'it does not read the model input',
      'Feed the token ids of the model input to it.',
    );
  const output = c.quant[step.output] as QuantParams;
  if (!table.levels || !table.scales) {
    const values = quantizeTensor(table.trained, output);
    const constants = c.table.constants(step, [{ type: ElementType.INT8, shape: [vocabulary, dim], values }]);
    return { constants, attr: [] };
  }
  // Each column's real multiplier: its scale over the output's (F-52).
  const requant = requantTable(
    Array.from(table.scales, (s) => s / output.scale),
    step.layer.id,
  );
  const constants = c.table.constants(step, [
    {
      type: PACKING_TYPE[table.packing],
      shape: [vocabulary, dim],
      values: packedValues(table.packing, table.levels),
    },
    { type: ElementType.INT32, shape: [dim, 2], values: requant },
  ]);
  return { constants, attr: [EMBEDDING_SCALED] };
}
