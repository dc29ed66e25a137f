import type * as tf from '@tensorflow/tfjs';
import { MinnowError } from '../../core/errors.ts';
import { PACKABLE_OPS, type WeightPacking } from '../../core/quant/packing.ts';
import type { BuiltModel } from '../build/build-model.ts';
import { fakeQuantize } from './fake-quant.ts';

/** The weight packing to train each layer for, by layer id. */
export type QatPlan = Readonly<Record<string, WeightPacking>>;

type Call = tf.layers.Layer['call'];
type Readable = Pick<tf.LayerVariable, 'read'>;
type Fields = Record<string, Readable>;

/**
 * Where each layer type holds the kernels its call reads: the tfjs fields, on the layer or (for a recurrent
 * layer) on its cell, which reads them at every time step.
 */
const KERNELS: Readonly<Record<string, { readonly cell?: true; readonly fields: readonly string[] }>> = {
  Dense: { fields: ['kernel'] },
  Conv2D: { fields: ['kernel'] },
  Conv1D: { fields: ['kernel'] },
  DepthwiseConv2D: { fields: ['depthwiseKernel'] },
  // Kernel [I, 3U] and recurrent kernel [U, 3U]: the compiler scales each of the 3U gate units (F-74).
  GRU: { cell: true, fields: ['kernel', 'recurrentKernel'] },
  // A packed table [V, D] takes one scale per column, the last axis, as a kernel per output channel (F-75).
  Embedding: { fields: ['embeddings'] },
};

/** Layer types enableFakeQuant can train on a grid. */
export const QAT_TYPES: ReadonlySet<string> = new Set(Object.keys(KERNELS));

/** Output channels of a tfjs kernel: the last axis, or C·M for a depthwise [kh, kw, C, M]. */
function channelsOf(type: string, shape: readonly number[]): number {
  const last = shape[shape.length - 1] ?? 1;
  return type === 'DepthwiseConv2D' ? (shape[shape.length - 2] ?? 1) * last : last;
}

function refuse(id: string, detail: string, fix: string): MinnowError {
  return new MinnowError('TRAIN_SETTINGS', { setting: `packing of "${id}"`, detail, fix });
}

/**
 * Quantization-aware training: from now on each planned layer computes with its kernels fake-quantized to
 * the packing's grid, while the optimizer keeps updating the float kernels (the shadow weights) through a
 * straight-through gradient. The layer's call is wrapped rather than its weights constrained, because a
 * constraint would overwrite the float kernel after each step and small updates could never move a weight
 * to the next level. Each kernel is put on the grid once per call, however many time steps read it.
 * Returns the function that restores plain float layers.
 */
export function enableFakeQuant(built: BuiltModel, plan: QatPlan): () => void {
  const targets = Object.entries(plan).map(([id, packing]) => {
    const spec = built.analyzed.layers.find((l) => l.id === id);
    const layer = built.layers.get(id);
    if (!spec || !layer) throw refuse(id, 'the model has no such layer', 'Pick a layer of this model.');
    const kernels = KERNELS[spec.type];
    if (!kernels) throw refuse(id, `${spec.type} has no kernel to quantize`, 'Leave this layer out.');
    if (packing !== 'int8' && !PACKABLE_OPS.has(spec.type))
      throw refuse(
        id,
        `the compiler cannot pack ${spec.type} weights as ${packing}`,
        'Train this layer for int8.',
      );
    if (packing === 'int8' && spec.type === 'Embedding')
      throw refuse(
        id,
        'an int8 table is stored at its output scale (F-73), not on a per-column grid',
        'Leave this layer out, or pack it as int4 or ternary.',
      );
    const owner = (kernels.cell ? (layer as unknown as { cell: object }).cell : layer) as Fields;
    return { layer, owner, fields: kernels.fields, packing, type: spec.type };
  });
  const restores = targets.map(({ layer, owner, fields, packing, type }) => {
    const original: Call = layer.call;
    layer.call = (inputs, kwargs) => {
      const shadows = fields.map((field) => owner[field] as Readable);
      fields.forEach((field, k) => {
        const kernel = (shadows[k] as Readable).read();
        const onGrid = fakeQuantize(packing, kernel, channelsOf(type, kernel.shape));
        owner[field] = { read: () => onGrid };
      });
      try {
        return original.call(layer, inputs, kwargs);
      } finally {
        fields.forEach((field, k) => (owner[field] = shadows[k] as Readable));
      }
    };
    return () => {
      layer.call = original;
    };
  });
  return () => restores.forEach((restore) => restore());
}
