import type { ExactLayer } from '../../quant/exact.ts';
import type { Conversion } from './convert.ts';
import type { TfOperator, TfTensor } from './read.ts';
import { TENSOR_TYPE } from './schema.ts';
import { constantValues, floatValues, int8Values, typeName } from './values.ts';

/** The weights of a FULLY_CONNECTED or convolution in TFLite's layout, float, plus the exact int8 record. */
export interface OpWeights {
  /** Real values in TFLite's layout (dequantized for an int8 model). */
  readonly kernel: Float32Array;
  readonly bias: Float32Array | undefined;
  readonly exact?: ExactLayer;
}

function constant(c: Conversion, op: TfOperator, i: number, what: string): TfTensor {
  const t = c.tensor(op, i);
  if (!t.data) {
    throw c.unsupported(
      op,
      `its ${what} ("${t.name}") is computed, not stored`,
      'Minnow takes weights stored in the file; fold the computation into the weights before converting.',
    );
  }
  return t;
}

/** Real per-output-channel multipliers the way TFLite Micro computes them (kernel_util.cc, fully_connected_common.cc). */
function multipliers(sx: number, scales: readonly number[], sy: number, fullyConnected: boolean): number[] {
  // A per-tensor FULLY_CONNECTED multiplies the two float32 scales in float32 first.
  if (fullyConnected && scales.length === 1) return [Math.fround(sx * (scales[0] as number)) / sy];
  return scales.map((sw) => (sx * sw) / sy);
}

function int8Weights(c: Conversion, op: TfOperator, w: TfTensor, channels: number, axis: number): OpWeights {
  const q = w.quant;
  if (w.type !== TENSOR_TYPE.INT8 || !q || (q.scale.length !== 1 && q.scale.length !== channels)) {
    throw c.unsupported(
      op,
      `its weights "${w.name}" are ${typeName(w.type)}${q ? ` with ${q.scale.length} scales for ${channels} channels` : ' without quantization'}`,
      'Convert with full int8 quantization (int8 weights, one scale per tensor or per output channel).',
    );
  }
  if (q.scale.length > 1 && q.dimension !== axis)
    throw c.unsupported(
      op,
      `its weights are quantized along axis ${q.dimension}`,
      `Quantize along axis ${axis}.`,
    );
  if (q.zeroPoint.some((z) => z !== 0))
    throw c.unsupported(
      op,
      'its weights have a zero point other than 0',
      'Convert with symmetric int8 weights.',
    );
  const levels = int8Values(c.m.file, w);
  const scaleOf = (ch: number) => (q.scale.length === 1 ? q.scale[0] : q.scale[ch]) as number;
  const scales = Array.from({ length: channels }, (_, ch) => scaleOf(ch));
  const channelOf = (i: number) => (axis === 0 ? Math.floor(i / (levels.length / channels)) : i % channels);
  const sx = c.quantOf(op, c.tensor(op, 0)).scale;
  const sy = c.quantOf(op, c.output(op)).scale;
  const b = op.inputs[2] ?? -1;
  let bias = new Int32Array(channels);
  if (b >= 0) {
    const bt = constant(c, op, 2, 'bias');
    if (bt.type !== TENSOR_TYPE.INT32)
      throw c.unsupported(
        op,
        `its bias is ${typeName(bt.type)}`,
        'Convert with int32 biases (int8 quantization).',
      );
    bias = Int32Array.from(constantValues(c.m.file, bt));
    if (bias.length !== channels)
      throw c.m.file.damaged(
        `tensor ${bt.index}`,
        `the bias holds ${bias.length} values for ${channels} channels`,
      );
  }
  const perTensor = multipliers(sx, q.scale, sy, isFc(op));
  return {
    kernel: dequantize(levels, scales, channelOf),
    bias: Float32Array.from(bias, (v, ch) => v * sx * scaleOf(ch)),
    exact: {
      weights: levels,
      bias,
      scales,
      inputScale: sx,
      multipliers: perTensor.length === 1 ? scales.map(() => perTensor[0] as number) : perTensor,
    },
  };
}

function dequantize(
  levels: Int8Array,
  scales: readonly number[],
  channelOf: (i: number) => number,
): Float32Array {
  const out = new Float32Array(levels.length);
  for (let i = 0; i < levels.length; i++) out[i] = (levels[i] as number) * (scales[channelOf(i)] as number);
  return out;
}

function isFc(op: TfOperator): boolean {
  return op.name === 'FULLY_CONNECTED';
}

/** Reads input 1 (weights) and input 2 (bias, optional) of a weighted op with `channels` outputs along `axis`. */
export function opWeights(c: Conversion, op: TfOperator, channels: number, axis: number): OpWeights {
  const w = constant(c, op, 1, 'weights');
  if (c.int8) return int8Weights(c, op, w, channels, axis);
  if (w.type !== TENSOR_TYPE.FLOAT32) {
    throw c.unsupported(
      op,
      `its weights "${w.name}" are ${typeName(w.type)} in a float model (dynamic-range or float16 quantization)`,
      'Convert the model as plain float32, or with full int8 quantization.',
    );
  }
  const b = op.inputs[2] ?? -1;
  const bias = b >= 0 ? floatValues(c.m.file, constant(c, op, 2, 'bias')) : undefined;
  if (bias && bias.length !== channels)
    throw c.m.file.damaged(
      `operator ${op.index}`,
      `the bias holds ${bias.length} values for ${channels} channels`,
    );
  return { kernel: floatValues(c.m.file, w), bias };
}
