import type * as tf from '@tensorflow/tfjs';
import { MinnowError } from '../../core/errors.ts';
import { PACKABLE_OPS, type WeightPacking } from '../../core/quant/packing.ts';
import type { BuiltModel } from '../build/build-model.ts';
import { fakeQuantize } from './fake-quant.ts';

/** The weight packing to train each layer for, by layer id. */
export type QatPlan = Readonly<Record<string, WeightPacking>>;

type Call = tf.layers.Layer['call'];
type Readable = Pick<tf.LayerVariable, 'read'>;

/** The tfjs field holding each layer type's kernel (read in the layer's call). */
const KERNEL_FIELD: Readonly<Record<string, string>> = {
  Dense: 'kernel',
  Conv2D: 'kernel',
  Conv1D: 'kernel',
  DepthwiseConv2D: 'depthwiseKernel',
};

/** Output channels of a tfjs kernel: the last axis, or C·M for a depthwise [kh, kw, C, M]. */
function channelsOf(type: string, shape: readonly number[]): number {
  const last = shape[shape.length - 1] ?? 1;
  return type === 'DepthwiseConv2D' ? (shape[shape.length - 2] ?? 1) * last : last;
}

function refuse(id: string, detail: string, fix: string): MinnowError {
  return new MinnowError('TRAIN_SETTINGS', { setting: `packing of "${id}"`, detail, fix });
}

/**
 * Quantization-aware training: from now on each planned layer computes with its kernel fake-quantized to
 * the packing's grid, while the optimizer keeps updating the float kernel (the shadow weights) through a
 * straight-through gradient. The layer's call is wrapped rather than its weights constrained, because a
 * constraint would overwrite the float kernel after each step and small updates could never move a weight
 * to the next level. Returns the function that restores plain float layers.
 */
export function enableFakeQuant(built: BuiltModel, plan: QatPlan): () => void {
  const targets = Object.entries(plan).map(([id, packing]) => {
    const spec = built.analyzed.layers.find((l) => l.id === id);
    const layer = built.layers.get(id);
    if (!spec || !layer) throw refuse(id, 'the model has no such layer', 'Pick a layer of this model.');
    const field = KERNEL_FIELD[spec.type];
    if (!field) throw refuse(id, `${spec.type} has no kernel to quantize`, 'Leave this layer out.');
    if (packing !== 'int8' && !PACKABLE_OPS.has(spec.type))
      throw refuse(id, `${packing} weights need a Dense or Conv2D layer`, 'Train this layer for int8.');
    return { layer, field, packing, type: spec.type };
  });
  const restores = targets.map(({ layer, field, packing, type }) => {
    const fields = layer as unknown as Record<string, Readable>;
    const original: Call = layer.call;
    layer.call = (inputs, kwargs) => {
      const shadow = fields[field] as Readable;
      const channels = channelsOf(type, shadow.read().shape);
      fields[field] = { read: () => fakeQuantize(packing, shadow.read(), channels) };
      try {
        return original.call(layer, inputs, kwargs);
      } finally {
        fields[field] = shadow;
      }
    };
    return () => {
      layer.call = original;
    };
  });
  return () => restores.forEach((restore) => restore());
}
