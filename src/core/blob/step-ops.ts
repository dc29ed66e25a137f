import type { Shape } from '../model/types.ts';
import { dataAxis } from '../ops/axis.ts';
import type { ExecGraph, ExecStep } from '../plan/types.ts';
import { ADD_LEFT_SHIFT } from '../reference/add.ts';
import { roundHalfAway } from '../quant/calibrate.ts';
import { FLOAT_FUNCS } from '../quant/float-kernels.ts';
import { clampOf } from '../quant/float-run.ts';
import type { ChannelParams } from '../quant/float-weights.ts';
import { byteAttr, windowsOf } from '../quant/geometry.ts';
import { lookupTable, softmaxTable } from '../quant/lut.ts';
import type { QuantParams } from '../quant/types.ts';
import { noKernel, unsupported } from '../quant/unsupported.ts';
import { requantTable } from '../quant/weights.ts';
import type { TableBuilder } from './assemble.ts';
import type { EmbeddingTable } from '../quant/embedding.ts';
import type { GruWeights } from '../quant/gru.ts';
import type { WeightPacking } from '../quant/packing.ts';
import { channelOp } from './channel-op.ts';
import { embeddingOp } from './embedding-op.ts';
import { gruOp } from './gru-op.ts';
import { spectrogramOp } from './spectrogram-op.ts';
import { ElementType, MAX_INPUTS, OPCODE } from './format.ts';

export interface StepContext {
  readonly step: ExecStep;
  readonly graph: ExecGraph;
  readonly quant: readonly QuantParams[];
  readonly params: ChannelParams | undefined;
  /** The table of an Embedding step. */
  readonly embedding?: EmbeddingTable | undefined;
  /** The float weights of a GRU step. */
  readonly gru?: GruWeights | undefined;
  /** Arena offset of a step's kept state (MemoryPlan.states). */
  readonly stateOffset: (step: number) => number;
  /** Weight packing by layer id (F-30); int8 when absent. */
  readonly packing?: Readonly<Record<string, WeightPacking>> | undefined;
  /** F-69: GRU states carry over from one run to the next. */
  readonly keepState?: boolean | undefined;
  readonly table: TableBuilder;
}

/** F-65: the fused activation as an int8 clamp of the output. */
export function clampRange(step: ExecStep, q: QuantParams): [number, number] {
  const { min, max } = clampOf(step);
  const lo = min === -Infinity ? -128 : Math.max(-128, q.zeroPoint + roundHalfAway(min / q.scale));
  const hi = max === Infinity ? 127 : Math.min(127, q.zeroPoint + roundHalfAway(max / q.scale));
  return [lo, hi];
}

function shapeOf(c: StepContext, id: number): Shape {
  return c.graph.tensors[id]?.shape ?? [];
}

function poolAttr(c: StepContext): number[] {
  const w = windowsOf(c.step, shapeOf(c, c.step.inputs[0] ?? 0), shapeOf(c, c.step.output));
  const a = (what: string, v: number) => byteAttr(c.step, what, v);
  if (c.step.op === 'MaxPooling1D')
    return [a('pool size', w.cols.window), a('stride', w.cols.stride), a('padding', w.cols.pad)];
  return [w.rows.window, w.cols.window, w.rows.stride, w.cols.stride, w.rows.pad, w.cols.pad].map((v) =>
    a('pool size or stride', v),
  );
}

/** F-61: the axis in the stored (F-32) shape. */
function concatAxis(c: StepContext): number {
  const out = shapeOf(c, c.step.output);
  const axis = dataAxis(c.step.layer, Number(c.step.layer.params.axis ?? -1), out.length);
  if (out.length < 4 || axis === 0) return axis;
  if (axis === 1) throw unsupported(c.step, 'joining axis 1 of a rank-4 tensor', 'Reshape to rank 3 first.');
  return axis - 1;
}

function mergeOp(c: StepContext): { constants: number; attr: number[] } {
  const { step, quant } = c;
  const sy = (quant[step.output] as QuantParams).scale;
  const scales = step.inputs.map((id) => (quant[id] as QuantParams).scale);
  if (scales.length > MAX_INPUTS) {
    throw unsupported(
      step,
      `it joins ${scales.length} inputs`,
      `Merge at most ${MAX_INPUTS} inputs per layer.`,
    );
  }
  const twiceMax = 2 * Math.max(...scales);
  const reals =
    step.op === 'Add'
      ? [...scales.map((s) => s / twiceMax), twiceMax / (2 ** ADD_LEFT_SHIFT * sy)]
      : scales.map((s) => s / sy);
  const requant = requantTable(reals, step.layer.id);
  const constants = c.table.constants(step, [
    { type: ElementType.INT32, shape: [reals.length, 2], values: requant },
  ]);
  return { constants, attr: step.op === 'Concatenate' ? [concatAxis(c)] : [] };
}

/** F-62, F-63: table-driven ops take no clamp of their own (F-42); a lookup folds its clamp into the table. */
function elementwiseOp(c: StepContext): { constants: number; clamp: [number, number] } {
  const { step, quant } = c;
  const qx = quant[step.inputs[0] ?? 0] as QuantParams;
  const qy = quant[step.output] as QuantParams;
  const [lo, hi] = clampRange(step, qy);
  if (step.op === 'Softmax') {
    if (lo !== -128 || hi !== 127) {
      throw unsupported(step, 'a ReLU cap below 1 after a softmax', 'Remove the ReLU after the softmax.');
    }
    const table = softmaxTable(qx.scale);
    return {
      constants: c.table.constants(step, [{ type: ElementType.UINT16, shape: [2, 16], values: table }]),
      clamp: [lo, hi],
    };
  }
  const table = lookupTable(FLOAT_FUNCS[step.func ?? 'relu'] as (v: number) => number, qx, qy, lo, hi);
  return {
    constants: c.table.constants(step, [{ type: ElementType.INT8, shape: [256], values: table }]),
    clamp: [-128, 127],
  };
}

/** Adds the op (and its constants and input aliases) of one step to the tables. */
export function addStepOp(c: StepContext): void {
  const { step } = c;
  const opcode = OPCODE[step.op as keyof typeof OPCODE];
  if (opcode === undefined) throw noKernel(step);
  const built = c.params
    ? channelOp(c, shapeOf)
    : c.gru
      ? gruOp(c)
      : c.embedding
        ? embeddingOp(c, c.embedding)
        : step.op === 'Spectrogram'
          ? spectrogramOp(c)
          : step.op === 'Add' || step.op === 'Concatenate'
            ? mergeOp(c)
            : step.op === 'Softmax' || step.op === 'Activation'
              ? elementwiseOp(c)
              : {
                  constants: c.table.constants(step, []),
                  attr: step.op === 'GlobalAveragePooling2D' ? [] : poolAttr(c),
                };
  const [actMin, actMax] =
    'clamp' in built && built.clamp ? built.clamp : clampRange(step, c.quant[step.output] as QuantParams);
  const attr = [0, 0, 0, 0, 0, 0];
  ('attr' in built ? built.attr : []).forEach((v, i) => (attr[i] = v));
  const inputs: readonly number[] = 'inputs' in built ? (built.inputs as number[]) : step.inputs;
  const in0 = c.table.run(inputs);
  c.table.ops.push({
    opcode,
    nIn: inputs.length,
    in0,
    out: step.output,
    const0: built.constants,
    actMin,
    actMax,
    attr,
  });
}
