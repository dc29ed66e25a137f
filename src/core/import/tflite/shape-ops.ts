import type { Conversion } from './convert.ts';
import { fusedActivation } from './activation.ts';
import { sameQuant } from './elementwise.ts';
import type { TfOperator } from './read.ts';
import { OP, PADDING_SAME, POOL_OPTIONS, REDUCER_OPTIONS, TENSOR_TYPE } from './schema.ts';
import { constantValues } from './values.ts';

export function pool(c: Conversion, op: TfOperator): void {
  const o = op.options;
  const poolSize = [o?.int32(POOL_OPTIONS.filterH, 1) ?? 1, o?.int32(POOL_OPTIONS.filterW, 1) ?? 1];
  const strides = [o?.int32(POOL_OPTIONS.strideH, 1) ?? 1, o?.int32(POOL_OPTIONS.strideW, 1) ?? 1];
  const padding = o?.uint8(POOL_OPTIONS.padding) === PADDING_SAME ? 'same' : 'valid';
  if (fusedActivation(c, op, o?.uint8(POOL_OPTIONS.activation) ?? 0) !== 'linear')
    throw c.unsupported(op, 'it fuses an activation', 'Convert without a fused activation on pooling.');
  sameQuant(c, op, 'pooling');
  const type = op.code === OP.MAX_POOL_2D ? 'MaxPooling2D' : 'AveragePooling2D';
  c.add(op, { type, poolSize, strides, padding }, [c.ref(op, 0)]);
}

export function reshape(c: Conversion, op: TfOperator): void {
  const x = c.ref(op, 0);
  sameQuant(c, op, 'Reshape');
  const target = c.shapeOf(c.output(op));
  if (target.join() === x.shape.join()) {
    c.alias(op.outputs[0] ?? -1, x);
    c.notes.push(`RESHAPE (operator ${op.index}) keeps the shape [${target.join(', ')}] and is dropped.`);
    return;
  }
  const type = target.length === 1 ? { type: 'Flatten' } : { type: 'Reshape', targetShape: target };
  c.add(op, type, [x]);
}

/** MEAN over the two spatial axes of an image is a GlobalAveragePooling2D (a Reshape after it keeps dims). */
export function mean(c: Conversion, op: TfOperator): void {
  const x = c.ref(op, 0);
  const axes = c.tensor(op, 1);
  const values = axes.data ? [...constantValues(c.m.file, axes)].map((a) => (a < 0 ? a + 4 : a)).sort() : [];
  if (x.shape.length !== 3 || values.join() !== '1,2') {
    throw c.unsupported(
      op,
      `it averages axes [${values.join(', ')}] of a rank-${x.shape.length + 1} tensor`,
      'Minnow averages only over height and width of an image (GlobalAveragePooling2D).',
    );
  }
  sameQuant(c, op, 'GlobalAveragePooling2D');
  const keepDims = op.options?.uint8(REDUCER_OPTIONS.keepDims) === 1;
  const channels = x.shape[2] ?? 0;
  const pooled = keepDims ? c.add(op, { type: 'GlobalAveragePooling2D' }, [x], [channels]) : undefined;
  if (pooled) c.add(op, { type: 'Reshape', targetShape: [1, 1, channels] }, [pooled]);
  else c.add(op, { type: 'GlobalAveragePooling2D' }, [x]);
  c.notes.push(`MEAN (operator ${op.index}) over height and width is a GlobalAveragePooling2D.`);
}

/** PAD waits for the convolution that reads it (compute.ts folds it there as "same" padding). */
export function pad(c: Conversion, op: TfOperator): void {
  const source = c.ref(op, 0);
  sameQuant(c, op, 'padding');
  const paddings = c.tensor(op, 1);
  const v = paddings.data ? [...constantValues(c.m.file, paddings)] : [];
  if (!paddings.data || v.length !== 2 * (source.shape.length + 1))
    throw c.unsupported(op, 'its paddings are not a constant [rank, 2] table', 'Export again.');
  const pads = Array.from({ length: v.length / 2 }, (_, i) => [v[2 * i] ?? 0, v[2 * i + 1] ?? 0] as const);
  c.pads.set(op.outputs[0] ?? -1, { op, source, pads });
}

/** QUANTIZE of the float input and DEQUANTIZE of the output are dropped: the blob's I/O is int8 already. */
export function edgeConversion(c: Conversion, op: TfOperator): void {
  const input = op.inputs[0] ?? -1;
  const out = op.outputs[0] ?? -1;
  // Only a float ↔ int8 conversion is dropped; an int8 or uint8 requantization would change the values.
  const float = (index: number) => c.m.tensors[index]?.type === TENSOR_TYPE.FLOAT32;
  const atInput = op.code === OP.QUANTIZE && c.m.inputs.includes(input) && float(input);
  const atOutput = op.code === OP.DEQUANTIZE && c.m.outputs.includes(out) && float(out);
  if (!atInput && !atOutput) {
    throw c.unsupported(
      op,
      'it requantizes, or converts between types inside the model',
      'Minnow keeps every activation int8; convert with int8 throughout (QUANTIZE/DEQUANTIZE only at the input and output).',
    );
  }
  c.alias(out, c.ref(op, 0));
  if (atInput) c.input = c.quantOf(op, c.output(op));
  const what = atInput ? 'the float input to int8' : 'the int8 output to float';
  c.notes.push(
    `${op.name} (operator ${op.index}) converting ${what} is dropped: the blob reads and writes int8; \`minnow run --values\` converts reals with the blob's own quantization.`,
  );
}
