import type { AnalyzedModel } from '../../core/model/types.ts';
import type { WeightPacking } from '../../core/quant/packing.ts';
import { QAT_TYPES, type QatPlan } from './wrap.ts';
import { textKeyed } from '../../core/text-keys.ts';

/** An int8 table is a copy at its output's scale (F-73), within half a step of the float one: no grid. */
const trainsOnGrid = (type: string, packing: string) =>
  QAT_TYPES.has(type) && !(type === 'Embedding' && packing === 'int8');

/**
 * What quantization-aware training trains each layer for: every layer with a `packing` parameter (M-11),
 * on the grid of its packing, int8 included. A layer the wrapper has no grid for is left to train in float.
 */
export function qatPlan(model: AnalyzedModel): QatPlan {
  const plan = textKeyed<WeightPacking>();
  for (const layer of model.layers) {
    const packing = layer.params.packing;
    if (typeof packing === 'string' && trainsOnGrid(layer.type, packing))
      plan[layer.id] = packing as WeightPacking;
  }
  return plan;
}
