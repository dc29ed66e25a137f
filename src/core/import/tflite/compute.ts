import { channelsLast } from '../../quant/exact.ts';
import type { Conversion, PendingPad, Ref } from './convert.ts';
import { fusedActivation } from './activation.ts';
import type { TfOperator } from './read.ts';
import { CONV_OPTIONS, DEPTHWISE_OPTIONS, FULLY_CONNECTED_OPTIONS, PADDING_SAME } from './schema.ts';
import { opWeights, type OpWeights } from './weights.ts';

/** Records the layer's weights: float in tfjs's layout, and the exact int8 record of an int8 model. */
function keep(c: Conversion, id: string, name: string, kernel: Float32Array, w: OpWeights): void {
  c.weights[id] = { [name]: kernel, ...(w.bias ? { bias: w.bias } : {}) };
  if (w.exact) c.exact[id] = w.exact;
}

export function fullyConnected(c: Conversion, op: TfOperator): void {
  const o = op.options;
  const [units = 0, inSize = 0] = c.tensor(op, 1).shape;
  let x: Ref = c.ref(op, 0);
  const keepDims = o?.uint8(FULLY_CONNECTED_OPTIONS.keepNumDims) === 1;
  if (x.shape.length > 1 && !keepDims) {
    const flat = x.shape.reduce((a, b) => a * b, 1);
    x = c.add(op, { type: 'Flatten' }, [x], [flat]);
    c.notes.push(
      `FULLY_CONNECTED (operator ${op.index}) flattens its input: a Flatten layer reads it first.`,
    );
  }
  if (x.shape.at(-1) !== inSize) {
    throw c.unsupported(
      op,
      `its weights take ${inSize} inputs, its input has ${x.shape.at(-1)}`,
      'Export again.',
    );
  }
  const w = opWeights(c, op, units, 0);
  const activation = fusedActivation(c, op, o?.uint8(FULLY_CONNECTED_OPTIONS.activation) ?? 0);
  const ref = c.add(op, { type: 'Dense', units, activation, useBias: w.bias !== undefined }, [x]);
  keep(c, ref.id, 'kernel', channelsLast(w.kernel, units), w);
}

function samePads(size: number, kernel: number, stride: number): [number, number] {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + kernel - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** A PAD before a "valid" convolution folds into it when it pads exactly as "same" would (and nothing else). */
function foldPad(c: Conversion, op: TfOperator, pad: PendingPad, kernel: number[], strides: number[]): Ref {
  const want = [
    [0, 0],
    ...pad.source.shape.slice(0, 2).map((s, i) => samePads(s, kernel[i] ?? 1, strides[i] ?? 1)),
    [0, 0],
  ];
  const same =
    pad.pads.length === 4 && want.every(([a, b], i) => pad.pads[i]?.[0] === a && pad.pads[i]?.[1] === b);
  if (!same) {
    throw c.unsupported(
      pad.op,
      `it pads [${pad.pads.map((p) => p.join(', ')).join(' | ')}] where ${op.name} (operator ${op.index}) would pad [${want.map((p) => p.join(', ')).join(' | ')}] for "same"`,
      'Minnow pads only as a convolution\'s "same" padding; use padding="same" in the convolution instead of a separate PAD.',
    );
  }
  c.notes.push(
    `PAD (operator ${pad.op.index}) is folded into ${op.name} (operator ${op.index}) as "same" padding.`,
  );
  return pad.source;
}

function convInput(c: Conversion, op: TfOperator, valid: boolean, kernel: number[], strides: number[]) {
  const pad = c.pads.get(op.inputs[0] ?? -1);
  if (pad && valid) return { x: foldPad(c, op, pad, kernel, strides), padding: 'same' as const };
  return { x: c.ref(op, 0), padding: valid ? ('valid' as const) : ('same' as const) };
}

function checkDilation(c: Conversion, op: TfOperator, h: number, w: number): void {
  if (h !== 1 || w !== 1)
    throw c.unsupported(
      op,
      `it is dilated (${h}×${w})`,
      'Minnow convolutions have dilation 1; use a larger kernel.',
    );
}

export function conv2d(c: Conversion, op: TfOperator): void {
  const o = op.options;
  const [filters = 0, kh = 0, kw = 0] = c.tensor(op, 1).shape;
  const strides = [o?.int32(CONV_OPTIONS.strideH, 1) ?? 1, o?.int32(CONV_OPTIONS.strideW, 1) ?? 1];
  checkDilation(c, op, o?.int32(CONV_OPTIONS.dilationH, 1) ?? 1, o?.int32(CONV_OPTIONS.dilationW, 1) ?? 1);
  const valid = o?.uint8(CONV_OPTIONS.padding) !== PADDING_SAME;
  const { x, padding } = convInput(c, op, valid, [kh, kw], strides);
  const w = opWeights(c, op, filters, 0);
  const activation = fusedActivation(c, op, o?.uint8(CONV_OPTIONS.activation) ?? 0);
  const layer = { type: 'Conv2D', filters, kernelSize: [kh, kw], strides, padding, activation };
  const ref = c.add(op, { ...layer, useBias: w.bias !== undefined }, [x]);
  // [F, kh, kw, C] → tfjs [kh, kw, C, F].
  keep(c, ref.id, 'kernel', channelsLast(w.kernel, filters), w);
}

export function depthwiseConv2d(c: Conversion, op: TfOperator): void {
  const o = op.options;
  const [, kh = 0, kw = 0, channels = 0] = c.tensor(op, 1).shape;
  const strides = [o?.int32(DEPTHWISE_OPTIONS.strideH, 1) ?? 1, o?.int32(DEPTHWISE_OPTIONS.strideW, 1) ?? 1];
  checkDilation(
    c,
    op,
    o?.int32(DEPTHWISE_OPTIONS.dilationH, 1) ?? 1,
    o?.int32(DEPTHWISE_OPTIONS.dilationW, 1) ?? 1,
  );
  const valid = o?.uint8(DEPTHWISE_OPTIONS.padding) !== PADDING_SAME;
  const { x, padding } = convInput(c, op, valid, [kh, kw], strides);
  const inC = x.shape[2] ?? 0;
  if (inC < 1 || channels % inC !== 0)
    throw c.unsupported(op, `${channels} output channels from ${inC} input channels`, 'Export again.');
  const w = opWeights(c, op, channels, 3);
  const activation = fusedActivation(c, op, o?.uint8(DEPTHWISE_OPTIONS.activation) ?? 0);
  const depthMultiplier = channels / inC;
  const layer = {
    type: 'DepthwiseConv2D',
    kernelSize: [kh, kw],
    strides,
    padding,
    depthMultiplier,
    activation,
  };
  const ref = c.add(op, { ...layer, useBias: w.bias !== undefined }, [x]);
  // TFLite [1, kh, kw, C·M] is tfjs's [kh, kw, C, M] in memory (channel o = c·M + m).
  keep(c, ref.id, 'depthwise_kernel', w.kernel, w);
}
