import { axisParam, param } from './config.ts';
import { activationOf, flag, refuse, type Emitted, type MapContext } from './emitted.ts';

type Mapper = (ctx: MapContext) => readonly Emitted[];

/** One Minnow layer of `type` named after the Keras layer, reading what it reads. */
export function one(
  ctx: MapContext,
  type: string,
  params: Record<string, unknown>,
  weights?: Record<string, Float32Array>,
): Emitted[] {
  return [{ id: ctx.node.name, type, inputs: ctx.inputs, params, ...(weights ? { weights } : {}) }];
}

/** The weights `names` of the layer, those the layer does not use left out. */
export function weightsOf(ctx: MapContext, names: readonly string[]): Record<string, Float32Array> {
  return Object.fromEntries(names.map((n) => [n, ctx.weight(n)]));
}

const dense: Mapper = (ctx) => {
  const useBias = flag(ctx.node, 'use_bias', true);
  const params = { units: param(ctx.node.config, 'units'), activation: activationOf(ctx.node), useBias };
  return one(ctx, 'Dense', params, weightsOf(ctx, useBias ? ['kernel', 'bias'] : ['kernel']));
};

/** Layers that only act while training: at inference they pass values through, as Minnow's Dropout. */
const inferenceNoOp: Mapper = (ctx) => {
  const rate = param(ctx.node.config, 'rate');
  if (ctx.node.className !== 'Dropout') {
    ctx.note(
      `${ctx.node.className} "${ctx.node.name}" acts only while training; it became a Dropout, which passes values through on the device.`,
    );
  }
  return one(ctx, 'Dropout', { rate: typeof rate === 'number' ? rate : 0 });
};

const relu: Mapper = (ctx) => {
  const c = ctx.node.config;
  const slope = param(c, 'negative_slope') ?? param(c, 'alpha') ?? 0;
  const threshold = param(c, 'threshold') ?? 0;
  if (slope !== 0 || threshold !== 0) {
    throw refuse(
      ctx.node,
      `a ReLU with negative_slope ${String(slope)} or threshold ${String(threshold)} is not one Minnow runs.`,
      'Use a plain ReLU (optionally with max_value).',
    );
  }
  const max = param(c, 'max_value');
  return one(ctx, 'ReLU', typeof max === 'number' ? { maxValue: max } : {});
};

export const CORE_MAPPERS: Readonly<Record<string, Mapper>> = {
  Dense: dense,
  Dropout: inferenceNoOp,
  SpatialDropout1D: inferenceNoOp,
  SpatialDropout2D: inferenceNoOp,
  GaussianNoise: inferenceNoOp,
  GaussianDropout: inferenceNoOp,
  AlphaDropout: inferenceNoOp,
  Flatten: (ctx) => one(ctx, 'Flatten', {}),
  Reshape: (ctx) => one(ctx, 'Reshape', { targetShape: param(ctx.node.config, 'target_shape') }),
  Activation: (ctx) => one(ctx, 'Activation', { activation: activationOf(ctx.node) }),
  ReLU: relu,
  Softmax: (ctx) => one(ctx, 'Softmax', { axis: axisParam(ctx.node.config, 'axis', -1) }),
  Add: (ctx) => one(ctx, 'Add', {}),
  Concatenate: (ctx) => one(ctx, 'Concatenate', { axis: param(ctx.node.config, 'axis') ?? -1 }),
};
