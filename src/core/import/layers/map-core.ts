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

/** tfjs writes "hardSigmoid", Keras "hard_sigmoid"; both are Minnow's hardSigmoid (tfjs's 0.2·x + 0.5). */
function recurrentActivation(ctx: MapContext): string {
  const raw = param(ctx.node.config, 'recurrent_activation') ?? 'hard_sigmoid';
  if (raw === 'hard_sigmoid' || raw === 'hardSigmoid') return 'hardSigmoid';
  if (raw === 'sigmoid') return 'sigmoid';
  throw refuse(
    ctx.node,
    `its recurrent_activation "${String(raw)}" is not one Minnow runs.`,
    'Retrain the GRU with recurrent_activation "sigmoid" or "hard_sigmoid".',
  );
}

const gru: Mapper = (ctx) => {
  const n = ctx.node;
  if (flag(n, 'reset_after', false)) {
    throw refuse(
      n,
      'it is a GRU with reset_after=True (the Keras 2 default), which applies the reset gate after the recurrent product.',
      'Minnow runs the GRU that tfjs runs: retrain with GRU(units, reset_after=False).',
    );
  }
  for (const key of ['return_state', 'go_backwards', 'stateful', 'unroll'] as const) {
    if (key !== 'unroll' && flag(n, key, false))
      throw refuse(
        n,
        `it sets ${key}.`,
        `Minnow runs a forward GRU that returns its outputs only; retrain without ${key}.`,
      );
  }
  const useBias = flag(n, 'use_bias', true);
  const params = {
    units: param(n.config, 'units'),
    activation: activationOf(n),
    recurrentActivation: recurrentActivation(ctx),
    useBias,
    returnSequences: flag(n, 'return_sequences', false),
  };
  const names = ['kernel', 'recurrent_kernel', ...(useBias ? ['bias'] : [])];
  return one(ctx, 'GRU', params, weightsOf(ctx, names));
};

const embedding: Mapper = (ctx) => {
  if (flag(ctx.node, 'mask_zero', false))
    ctx.note(`Embedding "${ctx.node.name}" masked token 0 in Keras; Minnow computes every step.`);
  const params = {
    inputDim: param(ctx.node.config, 'input_dim'),
    outputDim: param(ctx.node.config, 'output_dim'),
  };
  return one(ctx, 'Embedding', params, weightsOf(ctx, ['embeddings']));
};

/** BatchNormalization; `center`/`scale` off mean a beta of 0 / a gamma of 1, which Minnow stores explicitly. */
const batchNormalization: Mapper = (ctx) => {
  const n = ctx.node;
  const channels = ctx.shapes[0]?.at(-1) ?? 0;
  const fill = (v: number) => new Float32Array(channels).fill(v);
  const weights = {
    gamma: flag(n, 'scale', true) ? ctx.weight('gamma') : fill(1),
    beta: flag(n, 'center', true) ? ctx.weight('beta') : fill(0),
    moving_mean: ctx.weight('moving_mean'),
    moving_variance: ctx.weight('moving_variance'),
  };
  const epsilon = param(n.config, 'epsilon');
  const momentum = param(n.config, 'momentum');
  const params = {
    axis: axisParam(n.config, 'axis', -1),
    ...(typeof epsilon === 'number' ? { epsilon } : {}),
    ...(typeof momentum === 'number' ? { momentum } : {}),
  };
  return one(ctx, 'BatchNormalization', params, weights);
};

/**
 * Rescaling (x·scale + offset) and Normalization ((x − mean) / √variance) are per-channel affine maps:
 * they become a BatchNormalization with those exact statistics, which compiles into a scale and shift.
 */
const EPSILON = 0.001;
function affine(ctx: MapContext, scale: Float32Array, shift: Float32Array): Emitted[] {
  const channels = scale.length;
  const weights = {
    gamma: scale.map((s) => s * Math.sqrt(1 + EPSILON)),
    beta: shift,
    moving_mean: new Float32Array(channels),
    moving_variance: new Float32Array(channels).fill(1),
  };
  ctx.note(
    `${ctx.node.className} "${ctx.node.name}" became a BatchNormalization with the same effect (${4 * channels} parameters the original does not count).`,
  );
  return one(ctx, 'BatchNormalization', { epsilon: EPSILON }, weights);
}

function perChannel(ctx: MapContext, raw: unknown, what: string): Float32Array {
  const channels = ctx.shapes[0]?.at(-1) ?? 0;
  const values =
    typeof raw === 'number' ? new Array<number>(channels).fill(raw) : Array.isArray(raw) ? raw.flat(4) : [];
  if (values.length !== channels || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw refuse(
      ctx.node,
      `its ${what} is not one number or one per channel (${channels}).`,
      'Export the model again, or scale the inputs before the model and remove the layer.',
    );
  }
  return Float32Array.from(values as number[]);
}

const rescaling: Mapper = (ctx) => {
  const scale = perChannel(ctx, param(ctx.node.config, 'scale') ?? 1, 'scale');
  const offset = perChannel(ctx, param(ctx.node.config, 'offset') ?? 0, 'offset');
  return affine(ctx, scale, offset);
};

const normalization: Mapper = (ctx) => {
  const c = ctx.node.config;
  if (flag(ctx.node, 'invert', false))
    throw refuse(
      ctx.node,
      'it is an inverted Normalization.',
      'Remove it and undo the normalization outside the model.',
    );
  const axis = axisParam(c, 'axis', -1);
  if (axis !== -1 && axis !== ctx.shapes[0]?.length)
    throw refuse(
      ctx.node,
      `it normalizes over axis ${String(axis)}.`,
      'Minnow normalizes the last axis only.',
    );
  const mean = ctx.hasWeight('mean') ? ctx.weight('mean') : perChannel(ctx, param(c, 'mean'), 'mean');
  const variance = ctx.hasWeight('variance')
    ? ctx.weight('variance')
    : perChannel(ctx, param(c, 'variance'), 'variance');
  // Keras divides by max(√variance, 1e-7).
  const scale = variance.map((v) => 1 / Math.max(Math.sqrt(v), 1e-7));
  const shift = mean.map((m, i) => -m * (scale[i] ?? 0));
  return affine(ctx, scale, shift);
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
  Embedding: embedding,
  GRU: gru,
  BatchNormalization: batchNormalization,
  Rescaling: rescaling,
  Normalization: normalization,
};
