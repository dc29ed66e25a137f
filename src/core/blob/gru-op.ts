import { quantizeGru } from '../quant/gru.ts';
import { PACKING_TYPE, packedValues } from '../quant/packing.ts';
import type { QuantParams } from '../quant/types.ts';
import { unsupported } from '../quant/unsupported.ts';
import { GRU_KEEP_STATE } from '../reference/gru.ts';
import { ElementType } from './format.ts';
import type { StepContext } from './step-ops.ts';
import { ownValue } from '../text-keys.ts';

/** The quantization of the state, as of the GRU output (F-74). */
const STATE_QUANT: QuantParams = { scale: 1 / 128, zeroPoint: 0 };

/**
 * F-69, F-74: the GRU op with its state tensor H [2, U] (state row, then the reset-gated state) where the plan
 * put it, outside every buffer the plan reuses.
 */
export function gruOp(c: StepContext): { constants: number; attr: number[]; inputs: number[] } {
  const { step } = c;
  const g = c.gru;
  if (!g) throw new Error(`GRU step ${step.index} without weights`);
  if ((step.layer.params.activation ?? 'tanh') !== 'tanh')
    throw unsupported(step, 'its activation is not tanh', 'Use the tanh activation, the GRU default.');
  if (step.activation !== 'linear')
    throw unsupported(step, 'a ReLU right after it', 'Put another layer between the GRU and the ReLU.');
  const sx = (c.quant[step.inputs[0] ?? 0] as QuantParams).scale;
  const packing = ownValue(c.packing, step.layer.id) ?? 'int8';
  const q = quantizeGru(g, sx, step.layer.id, packing);
  const rows = 3 * g.units;
  const depth = g.kernel.length / rows;
  const state = c.table.add(
    {
      constant: false,
      type: ElementType.INT8,
      shape: [2, g.units],
      offset: c.stateOffset(step.index),
      scale: STATE_QUANT.scale,
      zeroPoint: STATE_QUANT.zeroPoint,
    },
    step,
  );
  const constants = c.table.constants(step, [
    { type: PACKING_TYPE[packing], shape: [rows, depth], values: packedValues(packing, q.weights) },
    { type: PACKING_TYPE[packing], shape: [rows, g.units], values: packedValues(packing, q.recurrent) },
    { type: ElementType.INT32, shape: [rows], values: q.bias },
    { type: ElementType.INT32, shape: [rows, 4], values: q.requant },
  ]);
  const attr = [c.keepState ? GRU_KEEP_STATE : 0, g.hardSigmoid ? 1 : 0];
  return { constants, attr, inputs: [step.inputs[0] ?? 0, state] };
}
