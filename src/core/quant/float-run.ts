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
import { floatEmbedding } from './embedding.ts';
import { floatGru, type GruWeights } from './gru.ts';
import { channelParams, weightOf, type ChannelParams } from './float-weights.ts';
import { FLAT_AXIS, pointwise, windowsOf } from './geometry.ts';
import type { FloatWeights, Range } from './types.ts';
import { noKernel } from './unsupported.ts';
import { rootOf, viewSources } from './views.ts';

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
  params: ChannelParams,
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
  /** Embedding tables [vocabulary, dim], by step index. */
  readonly tables: ReadonlyMap<number, Float32Array>;
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

export function floatModel(model: AnalyzedModel, graph: ExecGraph, weights: FloatWeights): FloatModel {
  const params = new Map<number, ChannelParams>();
  const tables = new Map<number, Float32Array>();
  const grus = new Map<number, GruWeights>();
  for (const step of graph.steps) {
    if (step.op === 'GRU') grus.set(step.index, gruWeights(step, weights));
    if (CHANNEL_OPS.has(step.op)) params.set(step.index, channelParams(step, weights));
    if (step.op === 'Embedding') tables.set(step.index, weightOf(weights, step.layer, 'embeddings'));
  }
  return { graph, params, views: viewSources(model, graph), tables, grus };
}

function compute(m: FloatModel, step: ExecStep, xs: Float32Array[]): Float32Array {
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
    case 'Embedding':
      return floatEmbedding(x, m.tables.get(step.index) as Float32Array, outShape[outShape.length - 1] ?? 1);
    case 'GRU':
      return floatGru(x, m.grus.get(step.index) as GruWeights);
    default:
      throw noKernel(step);
  }
}

/** Runs the float model on one input; returns every tensor's values (views share their source's array). */
export function runFloat(m: FloatModel, input: Float32Array): Float32Array[] {
  const values: Float32Array[] = [];
  values[m.graph.inputTensor] = input;
  const valueOf = (id: number) => values[rootOf(m.views, id)] as Float32Array;
  for (const step of m.graph.steps) {
    const { min, max } = clampOf(step);
    values[step.output] = compute(m, step, step.inputs.map(valueOf)).map((v) =>
      Math.min(Math.max(v, min), max),
    );
  }
  for (const t of m.graph.tensors) values[t.id] ??= valueOf(t.id);
  return values;
}
