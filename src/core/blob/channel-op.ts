import { channelGeometry } from '../quant/float-run.ts';
import type { ChannelParams } from '../quant/float-weights.ts';
import { packedValues } from '../quant/packing.ts';
import type { QuantParams } from '../quant/types.ts';
import { unsupported } from '../quant/unsupported.ts';
import { exactChannels } from '../quant/exact-channels.ts';
import { quantizeChannels } from '../quant/weights.ts';
import type { StepContext, StepValues } from './step-ops.ts';
import { ownValue } from '../text-keys.ts';

/** F-53 … F-56, F-64, F-75: weights (packed as the layer asks), bias and requantization of a channel op. */
export function channelValues(c: StepContext): StepValues {
  const { step } = c;
  const p = c.params as ChannelParams;
  const shapeOf = (id: number) => c.graph.tensors[id]?.shape ?? [];
  const g = channelGeometry(step, shapeOf(step.inputs[0] ?? 0), shapeOf(step.output), p);
  const reduce = g.depthMultiplier
    ? g.rows.window * g.cols.window
    : g.rows.window * g.cols.window * g.inChannels;
  const sx = (c.quant[step.inputs[0] ?? 0] as QuantParams).scale;
  const sy = (c.quant[step.output] as QuantParams).scale;
  const packing = ownValue(c.packing, step.layer.id) ?? 'int8';
  const exact = c.exact && ownValue(c.exact.layers, step.layer.id);
  if (exact && packing !== 'int8')
    throw unsupported(
      step,
      `${packing} weights for imported int8 weights`,
      'Keep an imported int8 layer int8.',
    );
  const own = c.graph.tensors[step.output]?.name === step.layer.id;
  const q = exact
    ? exactChannels(exact, p, step, { sx, sy, own }, reduce)
    : quantizeChannels(p, sx, sy, reduce, step.layer.id, packing);
  return { values: [packedValues(packing, q.weights), q.bias, q.requant] };
}
