import type { AnalyzedModel } from '../model/types.ts';
import { planModel, type MemoryPlan } from '../plan/index.ts';
import { assignQuant } from '../quant/activation-quant.ts';
import { calibrate, quantizeTensor } from '../quant/calibrate.ts';
import { floatModel, type FloatModel } from '../quant/float-run.ts';
import { layerPackings, type WeightPacking } from '../quant/packing.ts';
import type { ExactQuant } from '../quant/exact.ts';
import type { CalibrationOptions, FloatWeights, QuantParams, Range } from '../quant/types.ts';
import { rootOf } from '../quant/views.ts';
import { ownValue } from '../text-keys.ts';
import { prepare, run } from '../reference/interpreter.ts';
import { storedShape, TableBuilder } from './assemble.ts';
import { ElementType } from './format.ts';
import { checkBlobLimits } from './limits.ts';
import { readBlob } from './reader.ts';
import { checkAudioInput } from './spectrogram-op.ts';
import { addStepOp } from './step-ops.ts';
import type { BlobContent } from './types.ts';
import { writeBlob } from './writer.ts';

export interface CompileOptions {
  /** Representative float inputs (F-70); the first also makes the test vector. */
  readonly calibration: readonly Float32Array[];
  readonly calibrationOptions?: CalibrationOptions;
  /**
   * Embed the first calibration input and its output so the device can check itself (F-19); the output is
   * that of a cleared arena, every GRU state 0, where a self-test starts.
   */
  readonly testVector?: boolean;
  /** The memory plan to use; by default planModel(model). */
  readonly plan?: MemoryPlan;
  /**
   * Weight packing per layer id (F-30, F-75), over each layer's own `packing` parameter: int4 or ternary for
   * the layers of PACKABLE_OPS (Dense, the convolutions, GRU, Embedding); int8 by default.
   */
  readonly packing?: Readonly<Record<string, WeightPacking>>;
  /**
   * F-69: GRU states carry over between runs (streaming one token per run) instead of starting at 0. The
   * calibration inputs are then one stream, in order: ranges are taken as the model generates.
   */
  readonly keepGruState?: boolean;
  /**
   * An imported int8 model's own quantization (docs/IMPORT.md): its activation scales and zero points, integer
   * weights, biases and multipliers replace calibration and weight quantization, so the blob computes what
   * the model's runtime computes. Calibration inputs are then needed only for a test vector.
   */
  readonly exact?: ExactQuant;
}

export interface Compiled {
  readonly blob: Uint8Array;
  readonly plan: MemoryPlan;
  /** Quantization of every tensor of plan.graph, by tensor id. */
  readonly quant: readonly QuantParams[];
  readonly input: QuantParams;
  readonly output: QuantParams;
}

type Ranges = (float: FloatModel) => readonly Range[];

/** Stand-in ranges where no calibration is needed (sizes only, or quantization given). */
const unitRanges: Ranges = (float) => float.graph.tensors.map(() => ({ min: -1, max: 1 }));

function content(
  model: AnalyzedModel,
  weights: FloatWeights,
  plan: MemoryPlan,
  ranges: Ranges,
  options: Pick<CompileOptions, 'packing' | 'keepGruState' | 'exact'> = {},
) {
  const graph = plan.graph;
  checkAudioInput(graph);
  const stateOffset = (step: number) => {
    const state = plan.states.find((s) => s.step === step);
    if (!state) throw new Error(`step ${step} has no state in the plan`);
    return state.offset;
  };
  const packing = { ...layerPackings(model), ...options.packing };
  const float = floatModel(model, graph, weights, packing);
  const assigned = assignQuant(float, ranges(float));
  const quant = options.exact ? withExact(float, assigned, options.exact) : assigned;
  const table = new TableBuilder();
  // Activation entries first, so blob tensor ids equal the graph's tensor ids.
  for (const t of graph.tensors) {
    const q = quant[t.id] as QuantParams;
    const offset = plan.offsets[t.buffer] ?? 0;
    const step = graph.steps.find((s) => s.output === t.id);
    table.add(
      {
        constant: false,
        type: q.bits === 16 ? ElementType.INT16 : ElementType.INT8,
        shape: storedShape(t.shape),
        offset,
        scale: q.scale,
        zeroPoint: q.zeroPoint,
      },
      step,
    );
  }
  for (const step of graph.steps)
    addStepOp({
      step,
      graph,
      quant,
      params: float.params.get(step.index),
      embedding: float.tables.get(step.index),
      gru: float.grus.get(step.index),
      stateOffset,
      keepState: options.keepGruState,
      exact: options.exact,
      packing,
      table,
    });
  const blob: BlobContent = {
    name: model.name,
    arenaSize: plan.arenaBytes,
    inputTensor: graph.inputTensor,
    outputTensor: graph.outputTensor,
    tensors: table.tensors,
    ops: table.ops,
  };
  return { blob, quant, plan };
}

/** F-62/F-63 outputs keep the fixed quantization their kernels write. */
function fixedOutput(step: { op: string; func?: string } | undefined): boolean {
  return (
    step?.op === 'Softmax' || (step?.op === 'Activation' && step.func !== 'relu' && step.func !== 'relu6')
  );
}

/** The imported quantization over the assigned one: the input's and each layer output's; views follow their roots. */
function withExact(float: FloatModel, assigned: readonly QuantParams[], exact: ExactQuant): QuantParams[] {
  const graph = float.graph;
  const writer = new Map(graph.steps.map((s) => [s.output, s]));
  const quant = [...assigned];
  quant[graph.inputTensor] = exact.input;
  for (const t of graph.tensors) {
    const own = ownValue(exact.tensors, t.name);
    if (own && t.id !== graph.inputTensor && !fixedOutput(writer.get(t.id))) quant[t.id] = own;
  }
  for (const t of graph.tensors) quant[t.id] = quant[rootOf(float.views, t.id)] as QuantParams;
  return quant;
}

/**
 * The whole compile pipeline (DESIGN §1): plan the arena, calibrate activation ranges on float samples,
 * quantize weights and activations to int8 and pack the blob of docs/FORMAT.md.
 */
export function compileModel(model: AnalyzedModel, weights: FloatWeights, options: CompileOptions): Compiled {
  const calibrated: Ranges = options.exact
    ? unitRanges
    : (float) => calibrate(float, options.calibration, options.calibrationOptions, options.keepGruState);
  const plan = options.plan ?? planModel(model);
  checkBlobLimits(plan, options.packing);
  const built = content(model, weights, plan, calibrated, options);
  const { blob: packed, quant } = built;
  const graph = plan.graph;
  const input = quant[graph.inputTensor] as QuantParams;
  const output = quant[graph.outputTensor] as QuantParams;
  let blob = writeBlob(packed);
  const sample = options.calibration[0];
  if (options.testVector && sample) {
    const program = prepare(readBlob(blob));
    const x = quantizeTensor(sample, input);
    const y = run(program, x, new Uint8Array(plan.arenaBytes));
    blob = writeBlob({ ...packed, testVector: { input: x, output: y } });
  }
  return { blob, plan, quant, input, output };
}
