import { quantizeTensor } from '../quant/calibrate.ts';
import { MAX_VOCABULARY } from '../quant/embedding.ts';
import type { QuantParams } from '../quant/types.ts';
import { unsupported } from '../quant/unsupported.ts';
import { ElementType } from './format.ts';
import type { StepContext } from './step-ops.ts';

/** F-67, F-73: the table quantized straight to the output's quantization; ids come from the model input. */
export function embeddingOp(c: StepContext, table: Float32Array): { constants: number; attr: number[] } {
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
  const values = quantizeTensor(table, c.quant[step.output] as QuantParams);
  const constants = c.table.constants(step, [{ type: ElementType.INT8, shape: [vocabulary, dim], values }]);
  return { constants, attr: [] };
}
