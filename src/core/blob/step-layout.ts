import type { Shape } from '../model/types.ts';
import { dataAxis } from '../ops/axis.ts';
import type { ExecGraph, ExecStep } from '../plan/types.ts';
import { PROBABILITY } from '../quant/activation-quant.ts';
import { roundHalfAway } from '../quant/calibrate.ts';
import { MAX_VOCABULARY } from '../quant/embedding.ts';
import { channelGeometry, clampOf } from '../quant/float-run.ts';
import { channelShape } from '../quant/float-weights.ts';
import { byteAttr, windowsOf } from '../quant/geometry.ts';
import { PACKABLE_OPS, PACKING_TYPE, type WeightPacking } from '../quant/packing.ts';
import type { QuantParams } from '../quant/types.ts';
import { noKernel, unsupported } from '../quant/unsupported.ts';
import { EMBEDDING_SCALED } from '../reference/embedding.ts';
import { ownValue } from '../text-keys.ts';
import { ElementType, MAX_INPUTS, OPCODE } from './format.ts';
import { spectrogramLayout } from './spectrogram-op.ts';

/** A constant tensor of an op, before its values exist. */
export interface ConstantLayout {
  readonly type: ElementType;
  readonly shape: readonly number[];
}

/**
 * The part of a step's op entry that shapes alone decide: what the blob writer lays out (and the blob sizer
 * counts) before any weight is quantized. Every refusal that depends on shapes only is raised here.
 */
export interface StepLayout {
  readonly opcode: number;
  /** In table order (FORMAT §5). */
  readonly constants: readonly ConstantLayout[];
  readonly attr: readonly number[];
  /** The op's inputs where they are more than the step's own (a Spectrogram's scratch buffer, F-76). */
  readonly inputs?: readonly number[];
  /** A GRU's state tensor H [2, U] (F-69), added before its constants and read as its second input. */
  readonly state?: readonly number[];
}

/**
 * F-65: the fused activation as an int8 clamp of the output. `float32` divides in float32, as TFLite's
 * CalculateActivationRangeQuantized does, for an imported int8 model.
 */
export function clampRange(step: ExecStep, q: QuantParams, float32 = false): [number, number] {
  const { min, max } = clampOf(step);
  const steps = (v: number) => roundHalfAway(float32 ? Math.fround(v / q.scale) : v / q.scale);
  const lo = min === -Infinity ? -128 : Math.max(-128, q.zeroPoint + steps(min));
  const hi = max === Infinity ? 127 : Math.min(127, q.zeroPoint + steps(max));
  return [lo, hi];
}

const CHANNEL_OPS: ReadonlySet<string> = new Set([
  'Dense',
  'Conv2D',
  'DepthwiseConv2D',
  'Conv1D',
  'BatchNormalization',
]);

function packingOf(step: ExecStep, packing?: Readonly<Record<string, WeightPacking>>): WeightPacking {
  return ownValue(packing, step.layer.id) ?? 'int8';
}

/** F-53 … F-56, F-64, F-75: weights (packed as the layer asks), bias and requantization rows. */
function channelLayout(
  step: ExecStep,
  input: Shape,
  output: Shape,
  packing: WeightPacking,
): Omit<StepLayout, 'opcode'> {
  if (packing !== 'int8' && !PACKABLE_OPS.has(step.op)) {
    const layers = [...PACKABLE_OPS].join(', ');
    throw unsupported(
      step,
      `${packing} weights need one of these layers: ${layers}`,
      'Keep this layer int8.',
    );
  }
  const { shape, channels } = channelShape(step);
  const constants = [
    { type: PACKING_TYPE[packing], shape },
    { type: ElementType.INT32, shape: [channels] },
    { type: ElementType.INT32, shape: [channels, 2] },
  ];
  const g = channelGeometry(step, input, output, { channels });
  const a = (what: string, v: number) => byteAttr(step, what, v);
  const spatial = () => [
    a('stride', g.rows.stride),
    a('stride', g.cols.stride),
    a('padding', g.rows.pad),
    a('padding', g.cols.pad),
  ];
  if (step.op === 'Conv2D') return { constants, attr: spatial() };
  if (step.op === 'DepthwiseConv2D')
    return { constants, attr: [...spatial(), a('depth multiplier', g.depthMultiplier ?? 1)] };
  if (step.op === 'Conv1D')
    return { constants, attr: [a('stride', g.cols.stride), a('padding', g.cols.pad)] };
  return { constants, attr: [] };
}

/** F-69, F-74: input and recurrent kernels of three gates, bias and two requantization rows per gate row. */
function gruLayout(step: ExecStep, packing: WeightPacking): Omit<StepLayout, 'opcode'> {
  if ((step.layer.params.activation ?? 'tanh') !== 'tanh')
    throw unsupported(step, 'its activation is not tanh', 'Use the tanh activation, the GRU default.');
  if (step.activation !== 'linear')
    throw unsupported(step, 'a ReLU right after it', 'Put another layer between the GRU and the ReLU.');
  const units = Number(step.layer.params.units);
  const rows = 3 * units;
  const depth = step.layer.weights.find((w) => w.name === 'kernel')?.shape[0] ?? 0;
  const constants = [
    { type: PACKING_TYPE[packing], shape: [rows, depth] },
    { type: PACKING_TYPE[packing], shape: [rows, units] },
    { type: ElementType.INT32, shape: [rows] },
    { type: ElementType.INT32, shape: [rows, 4] },
  ];
  return { constants, attr: [], state: [2, units] };
}

/** F-67, F-73, F-75: an int8 table, or a packed one with a requantization row per column. */
function embeddingLayout(
  step: ExecStep,
  graph: ExecGraph,
  packing: WeightPacking,
): Omit<StepLayout, 'opcode'> {
  const [vocabulary = 0, dim = 0] = step.layer.weights[0]?.shape ?? [];
  if (vocabulary > MAX_VOCABULARY)
    throw unsupported(
      step,
      `its ${vocabulary} tokens do not fit an int8 id`,
      `Use at most ${MAX_VOCABULARY} tokens.`,
    );
  if (step.inputs[0] !== graph.inputTensor)
    throw unsupported(
      step,
      'it does not read the model input',
      'Feed the token ids of the model input to it.',
    );
  const table = { type: PACKING_TYPE[packing], shape: [vocabulary, dim] };
  if (packing === 'int8') return { constants: [table], attr: [] };
  return { constants: [table, { type: ElementType.INT32, shape: [dim, 2] }], attr: [EMBEDDING_SCALED] };
}

/** F-61: the axis in the stored (F-32) shape. */
function concatAxis(step: ExecStep, out: Shape): number {
  const axis = dataAxis(step.layer, Number(step.layer.params.axis ?? -1), out.length);
  if (out.length < 4 || axis === 0) return axis;
  if (axis === 1) throw unsupported(step, 'joining axis 1 of a rank-4 tensor', 'Reshape to rank 3 first.');
  return axis - 1;
}

/** F-59 … F-61: one requantization row per input, and one more for the sum of an Add. */
function mergeLayout(step: ExecStep, output: Shape): Omit<StepLayout, 'opcode'> {
  const n = step.inputs.length;
  if (n > MAX_INPUTS)
    throw unsupported(step, `it joins ${n} inputs`, `Merge at most ${MAX_INPUTS} inputs per layer.`);
  const rows = step.op === 'Add' ? n + 1 : n;
  const constants = [{ type: ElementType.INT32, shape: [rows, 2] }];
  return { constants, attr: step.op === 'Concatenate' ? [concatAxis(step, output)] : [] };
}

/** F-62, F-63: a softmax's exponent table (its output quantization is fixed), or a 256-entry lookup. */
function elementwiseLayout(step: ExecStep): Omit<StepLayout, 'opcode'> {
  if (step.op === 'Activation') return { constants: [{ type: ElementType.INT8, shape: [256] }], attr: [] };
  const [lo, hi] = clampRange(step, PROBABILITY);
  if (lo !== -128 || hi !== 127)
    throw unsupported(step, 'a ReLU cap below 1 after a softmax', 'Remove the ReLU after the softmax.');
  return { constants: [{ type: ElementType.UINT16, shape: [2, 16] }], attr: [] };
}

function poolAttr(step: ExecStep, input: Shape, output: Shape): number[] {
  if (step.op === 'GlobalAveragePooling2D') return [];
  const w = windowsOf(step, input, output);
  const a = (what: string, v: number) => byteAttr(step, what, v);
  if (step.op === 'MaxPooling1D')
    return [a('pool size', w.cols.window), a('stride', w.cols.stride), a('padding', w.cols.pad)];
  return [w.rows.window, w.cols.window, w.rows.stride, w.cols.stride, w.rows.pad, w.cols.pad].map((v) =>
    a('pool size or stride', v),
  );
}

/** The shape-only layout of one step's op; throws E624 for a step the blob cannot express. */
export function stepLayout(
  step: ExecStep,
  graph: ExecGraph,
  packing?: Readonly<Record<string, WeightPacking>>,
): StepLayout {
  const opcode = OPCODE[step.op as keyof typeof OPCODE];
  if (opcode === undefined) throw noKernel(step);
  const shapeOf = (id: number) => graph.tensors[id]?.shape ?? [];
  const input = shapeOf(step.inputs[0] ?? 0);
  const output = shapeOf(step.output);
  const p = packingOf(step, packing);
  if (CHANNEL_OPS.has(step.op)) return { opcode, ...channelLayout(step, input, output, p) };
  if (step.op === 'GRU') return { opcode, ...gruLayout(step, p) };
  if (step.op === 'Embedding') return { opcode, ...embeddingLayout(step, graph, p) };
  if (step.op === 'Spectrogram') return { opcode, ...spectrogramLayout(step) };
  if (step.op === 'Add' || step.op === 'Concatenate') return { opcode, ...mergeLayout(step, output) };
  if (step.op === 'Softmax' || step.op === 'Activation') return { opcode, ...elementwiseLayout(step) };
  return { opcode, constants: [], attr: poolAttr(step, input, output) };
}
