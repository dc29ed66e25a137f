import type { ExecGraph, ExecStep } from '../plan/types.ts';
import { ADD_LEFT_SHIFT } from '../reference/add.ts';
import { FLOAT_FUNCS } from '../quant/float-kernels.ts';
import type { ChannelParams } from '../quant/float-weights.ts';
import { lookupTable, softmaxTable } from '../quant/lut.ts';
import type { ExactQuant } from '../quant/exact.ts';
import type { QuantParams } from '../quant/types.ts';
import { requantTable } from '../quant/weights.ts';
import type { TableBuilder } from './assemble.ts';
import type { EmbeddingTable } from '../quant/embedding.ts';
import type { GruWeights } from '../quant/gru.ts';
import type { WeightPacking } from '../quant/packing.ts';
import { channelValues } from './channel-op.ts';
import { embeddingValues } from './embedding-op.ts';
import { addGruState, gruValues } from './gru-op.ts';
import { clampRange, stepLayout } from './step-layout.ts';
import { spectrogramValues } from './spectrogram-op.ts';

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
  /** An imported int8 model's own quantization (docs/IMPORT.md), used instead of calibration. */
  readonly exact?: ExactQuant | undefined;
  readonly table: TableBuilder;
}

/** The values of a step's constants, in the order of its layout, and what the values decide of its entry. */
export interface StepValues {
  readonly values: readonly (Int8Array | Int32Array | Uint16Array | Int16Array)[];
  /** An op's own clamp, where it is not the fused activation's (F-42). */
  readonly clamp?: [number, number];
  /** Attribute bytes that depend on more than shapes. */
  readonly attr?: readonly number[];
}

function mergeValues(c: StepContext): StepValues {
  const { step, quant } = c;
  const sy = (quant[step.output] as QuantParams).scale;
  const scales = step.inputs.map((id) => (quant[id] as QuantParams).scale);
  const twiceMax = 2 * Math.max(...scales);
  const reals =
    step.op === 'Add'
      ? [...scales.map((s) => s / twiceMax), twiceMax / (2 ** ADD_LEFT_SHIFT * sy)]
      : scales.map((s) => s / sy);
  return { values: [requantTable(reals, step.layer.id)] };
}

/** F-62, F-63: table-driven ops take no clamp of their own (F-42); a lookup folds its clamp into the table. */
function elementwiseValues(c: StepContext): StepValues {
  const { step, quant } = c;
  const qx = quant[step.inputs[0] ?? 0] as QuantParams;
  const qy = quant[step.output] as QuantParams;
  const [lo, hi] = clampRange(step, qy);
  if (step.op === 'Softmax') return { values: [softmaxTable(qx.scale)], clamp: [lo, hi] };
  const f = FLOAT_FUNCS[step.func ?? 'relu'] as (v: number) => number;
  return { values: [lookupTable(f, qx, qy, lo, hi)], clamp: [-128, 127] };
}

function stepValues(c: StepContext): StepValues {
  const { op } = c.step;
  if (c.params) return channelValues(c);
  if (c.gru) return gruValues(c);
  if (c.embedding) return embeddingValues(c, c.embedding);
  if (op === 'Spectrogram') return spectrogramValues(c);
  if (op === 'Add' || op === 'Concatenate') return mergeValues(c);
  if (op === 'Softmax' || op === 'Activation') return elementwiseValues(c);
  return { values: [] };
}

/** Adds the op (and its constants, state and input aliases) of one step to the tables. */
export function addStepOp(c: StepContext): void {
  const { step } = c;
  const layout = stepLayout(step, c.graph, c.packing);
  const built = stepValues(c);
  const inputs = layout.state
    ? [step.inputs[0] ?? 0, addGruState(c, layout.state)]
    : (layout.inputs ?? step.inputs);
  const constants = c.table.constants(
    step,
    layout.constants.map((k, i) => {
      const values = built.values[i];
      if (!values) throw new Error(`step ${step.index} has no values for constant ${i}`);
      return { ...k, values };
    }),
  );
  const [actMin, actMax] =
    built.clamp ?? clampRange(step, c.quant[step.output] as QuantParams, c.exact !== undefined);
  const attr = [0, 0, 0, 0, 0, 0];
  (built.attr ?? layout.attr).forEach((v, i) => (attr[i] = v));
  const in0 = c.table.run(inputs);
  c.table.ops.push({
    opcode: layout.opcode,
    nIn: inputs.length,
    in0,
    out: step.output,
    const0: constants,
    actMin,
    actMax,
    attr,
  });
}
