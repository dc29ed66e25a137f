import { quantizeGru } from '../quant/gru.ts';
import { packedValues } from '../quant/packing.ts';
import type { QuantParams } from '../quant/types.ts';
import { GRU_KEEP_STATE } from '../reference/gru.ts';
import { ElementType } from './format.ts';
import type { StepContext, StepValues } from './step-ops.ts';
import { ownValue } from '../text-keys.ts';

/** The quantization of the state, as of the GRU output (F-74). */
const STATE_QUANT: QuantParams = { scale: 1 / 128, zeroPoint: 0 };

/**
 * F-69, F-74: the GRU's state tensor H [2, U] (state row, then the reset-gated state) where the plan put it,
 * outside every buffer the plan reuses; returns its tensor id.
 */
export function addGruState(c: StepContext, shape: readonly number[]): number {
  return c.table.add(
    {
      constant: false,
      type: ElementType.INT8,
      shape: [...shape],
      offset: c.stateOffset(c.step.index),
      scale: STATE_QUANT.scale,
      zeroPoint: STATE_QUANT.zeroPoint,
    },
    c.step,
  );
}

/** F-69, F-74: the quantized kernels, bias and requantization rows of a GRU, and its attribute bytes. */
export function gruValues(c: StepContext): StepValues {
  const { step } = c;
  const g = c.gru;
  if (!g) throw new Error(`GRU step ${step.index} without weights`);
  const sx = (c.quant[step.inputs[0] ?? 0] as QuantParams).scale;
  const packing = ownValue(c.packing, step.layer.id) ?? 'int8';
  const q = quantizeGru(g, sx, step.layer.id, packing);
  return {
    values: [packedValues(packing, q.weights), packedValues(packing, q.recurrent), q.bias, q.requant],
    attr: [c.keepState ? GRU_KEEP_STATE : 0, g.hardSigmoid ? 1 : 0],
  };
}
