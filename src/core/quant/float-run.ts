import { dataAxis } from '../ops/axis.ts';
import type { AnalyzedModel, Shape } from '../model/types.ts';
import type { ExecGraph, ExecStep } from '../plan/types.ts';
import {
  floatChannelOp,
  floatConcat,
  floatPool,
  floatSoftmax,
  FLOAT_FUNCS,
  type ChannelGeometry,
} from './float-kernels.ts';
import { embeddingTable, floatEmbedding, type EmbeddingTable } from './embedding.ts';
import { floatGru, type GruWeights } from './gru.ts';
import { channelParams, weightOf, type ChannelParams } from './float-weights.ts';
import { FLAT_AXIS, pointwise, windowsOf } from './geometry.ts';
import type { FloatWeights, Range } from './types.ts';
import { layerPackings, type WeightPacking } from './packing.ts';
import { noKernel } from './unsupported.ts';
import { rootOf, viewSources } from './views.ts';
import { ownValue } from '../text-keys.ts';
import { audioFeatures, type SpectrogramParams } from './spectrogram.ts';

const CHANNEL_OPS = new Set(['Dense', 'Conv2D', 'DepthwiseConv2D', 'Conv1D', 'BatchNormalization']);

/** The fused clamp of a step, in real values (F-65). */
export function clampOf(step: ExecStep): Range {
  if (step.activation === 'relu6') return { min: 0, max: 6 };
  if (step.activation === 'relu') return { min: 0, max: step.reluMax ?? Infinity };
  return { min: -Infinity, max: Infinity };
}

/** How a Dense/Conv/BN step slides over its input (the integer kernels use the same geometry). */
export function channelGeometry(
  step: ExecStep,
  input: Shape,
  output: Shape,
  params: Pick<ChannelParams, 'channels'>,
): ChannelGeometry {
  const inChannels = input[input.length - 1] ?? 0;
  const positions = input.reduce((a, b) => a * b, 1) / inChannels;
  if (step.op === 'Dense') return { rows: FLAT_AXIS, cols: pointwise(positions), inChannels };
  if (step.op === 'BatchNormalization')
    return { rows: FLAT_AXIS, cols: pointwise(positions), inChannels, depthMultiplier: 1 };
  const w = windowsOf(step, input, output);
  const depthMultiplier = step.op === 'DepthwiseConv2D' ? params.channels / inChannels : undefined;
  return { rows: w.rows, cols: w.cols, inChannels, ...(depthMultiplier ? { depthMultiplier } : {}) };
}

/** The model in float, ready to run on calibration samples. */
export interface FloatModel {
  readonly graph: ExecGraph;
  readonly params: ReadonlyMap<number, ChannelParams>;
  readonly views: ReadonlyMap<number, number>;
  /** Embedding tables [vocabulary, dim], by step index; a packed one computes with its stored values. */
  readonly tables: ReadonlyMap<number, EmbeddingTable>;
  readonly grus: ReadonlyMap<number, GruWeights>;
}

function gruWeights(step: ExecStep, weights: FloatWeights): GruWeights {
  const units = Number(step.layer.params.units);
  const has = step.layer.weights.some((w) => w.name === 'bias');
  return {
    kernel: weightOf(weights, step.layer, 'kernel'),
    recurrent: weightOf(weights, step.layer, 'recurrent_kernel'),
    bias: has ? weightOf(weights, step.layer, 'bias') : new Float32Array(3 * units),
    units,
    hardSigmoid: step.layer.params.recurrentActivation !== 'sigmoid',
    returnSequences: step.layer.params.returnSequences === true,
  };
}

/** `packing` by layer id (the layers' own by default) says how Embedding tables are stored (F-75). */
export function floatModel(
  model: AnalyzedModel,
  graph: ExecGraph,
  weights: FloatWeights,
  packing: Readonly<Record<string, WeightPacking>> = layerPackings(model),
): FloatModel {
  const params = new Map<number, ChannelParams>();
  const tables = new Map<number, EmbeddingTable>();
  const grus = new Map<number, GruWeights>();
  for (const step of graph.steps) {
    if (step.op === 'GRU') grus.set(step.index, gruWeights(step, weights));
    if (CHANNEL_OPS.has(step.op)) params.set(step.index, channelParams(step, weights));
    if (step.op === 'Embedding') {
      const dim = step.layer.outputShape[step.layer.outputShape.length - 1] ?? 1;
      const trained = weightOf(weights, step.layer, 'embeddings');
      tables.set(step.index, embeddingTable(trained, dim, ownValue(packing, step.layer.id) ?? 'int8'));
    }
  }
  return { graph, params, views: viewSources(model, graph), tables, grus };
}

/** GRU states by step index, carried from one run to the next (F-69); a missing one starts at 0. */
export type FloatState = Map<number, Float64Array>;

function compute(m: FloatModel, step: ExecStep, xs: Float32Array[], state?: FloatState): Float32Array {
  const shapeOf = (id: number) => m.graph.tensors[id]?.shape ?? [];
  const inShape = shapeOf(step.inputs[0] ?? 0);
  const outShape = shapeOf(step.output);
  const [x = new Float32Array(0)] = xs;
  const params = m.params.get(step.index);
  if (params) return floatChannelOp(x, params, channelGeometry(step, inShape, outShape, params));
  switch (step.op) {
    case 'MaxPooling2D':
    case 'AveragePooling2D':
    case 'MaxPooling1D': {
      const w = windowsOf(step, inShape, outShape);
      return floatPool(x, w.rows, w.cols, w.channels, step.op !== 'AveragePooling2D');
    }
    case 'GlobalAveragePooling2D': {
      const [h = 0, w = 0, c = 0] = inShape;
      return floatPool(x, FLAT_AXIS, { size: h * w, window: h * w, stride: 1, pad: 0, out: 1 }, c, false);
    }
    case 'Add':
      return x.map((v, i) => xs.reduce((sum, other) => sum + (other[i] as number), 0));
    case 'Concatenate': {
      const axis = dataAxis(step.layer, Number(step.layer.params.axis ?? -1), outShape.length);
      const inner = (s: Shape) => s.slice(axis).reduce((a, b) => a * b, 1);
      const outer = outShape.slice(0, axis).reduce((a, b) => a * b, 1);
      return floatConcat(
        xs,
        step.inputs.map((id) => inner(shapeOf(id))),
        outer,
      );
    }
    case 'Softmax':
      return floatSoftmax(x, outShape[outShape.length - 1] ?? 1);
    case 'Activation':
      return x.map(FLOAT_FUNCS[step.func ?? 'relu'] as (v: number) => number);
    case 'Embedding': {
      const table = m.tables.get(step.index) as EmbeddingTable;
      return floatEmbedding(x, table.values, table.dim);
    }
    case 'Spectrogram':
      return audioFeatures(x, step.layer.params as unknown as SpectrogramParams);
    case 'GRU': {
      const g = m.grus.get(step.index) as GruWeights;
      if (!state) return floatGru(x, g);
      const h = state.get(step.index) ?? new Float64Array(g.units);
      state.set(step.index, h);
      return floatGru(x, g, h);
    }
    default:
      throw noKernel(step);
  }
}

/**
 * Runs the float model on one input; returns every tensor's values (views share their source's array).
 * With `state`, every GRU starts from its state there and leaves its last state there, as a model
 * compiled with kept GRU state does from one run to the next (F-69).
 */
export function runFloat(m: FloatModel, input: Float32Array, state?: FloatState): Float32Array[] {
  const values: Float32Array[] = [];
  values[m.graph.inputTensor] = input;
  const valueOf = (id: number) => values[rootOf(m.views, id)] as Float32Array;
  for (const step of m.graph.steps) {
    const { min, max } = clampOf(step);
    values[step.output] = compute(m, step, step.inputs.map(valueOf), state).map((v) =>
      Math.min(Math.max(v, min), max),
    );
    if (step.scratch !== undefined) values[step.scratch] = new Float32Array(0);
  }
  for (const t of m.graph.tensors) values[t.id] ??= valueOf(t.id);
  return values;
}
