import type { Shape } from '../model/types.ts';
import { channelGeometry } from '../quant/float-run.ts';
import type { ChannelParams } from '../quant/float-weights.ts';
import { byteAttr } from '../quant/geometry.ts';
import { PACKABLE_OPS, PACKING_TYPE, packedValues } from '../quant/packing.ts';
import type { QuantParams } from '../quant/types.ts';
import { unsupported } from '../quant/unsupported.ts';
import { exactChannels } from '../quant/exact-channels.ts';
import { quantizeChannels } from '../quant/weights.ts';
import { ElementType } from './format.ts';
import type { StepContext } from './step-ops.ts';
import { ownValue } from '../text-keys.ts';

/** F-53 … F-56, F-64, F-75: weights (packed as the layer asks), bias and requantization of a channel op. */
export function channelOp(
  c: StepContext,
  shapeOf: (c: StepContext, id: number) => Shape,
): { constants: number; attr: number[] } {
  const { step } = c;
  const p = c.params as ChannelParams;
  const input = shapeOf(c, step.inputs[0] ?? 0);
  const output = shapeOf(c, step.output);
  const g = channelGeometry(step, input, output, p);
  const reduce = g.depthMultiplier
    ? g.rows.window * g.cols.window
    : g.rows.window * g.cols.window * g.inChannels;
  const sx = (c.quant[step.inputs[0] ?? 0] as QuantParams).scale;
  const sy = (c.quant[step.output] as QuantParams).scale;
  const packing = ownValue(c.packing, step.layer.id) ?? 'int8';
  if (packing !== 'int8' && !PACKABLE_OPS.has(step.op)) {
    const layers = [...PACKABLE_OPS].join(', ');
    throw unsupported(
      step,
      `${packing} weights need one of these layers: ${layers}`,
      'Keep this layer int8.',
    );
  }
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
  const constants = c.table.constants(step, [
    { type: PACKING_TYPE[packing], shape: p.shape, values: packedValues(packing, q.weights) },
    { type: ElementType.INT32, shape: [p.channels], values: q.bias },
    { type: ElementType.INT32, shape: [p.channels, 2], values: q.requant },
  ]);
  const a = (what: string, v: number) => byteAttr(step, what, v);
  const spatial = [
    a('stride', g.rows.stride),
    a('stride', g.cols.stride),
    a('padding', g.rows.pad),
    a('padding', g.cols.pad),
  ];
  if (step.op === 'Conv2D') return { constants, attr: spatial };
  if (step.op === 'DepthwiseConv2D')
    return { constants, attr: [...spatial, a('depth multiplier', g.depthMultiplier ?? 1)] };
  if (step.op === 'Conv1D')
    return { constants, attr: [a('stride', g.cols.stride), a('padding', g.cols.pad)] };
  return { constants, attr: [] };
}
