import { axisParam, param } from './config.ts';
import { flag, refuse, type Emitted, type MapContext } from './emitted.ts';
import { one } from './map-core.ts';

type Mapper = (ctx: MapContext) => readonly Emitted[];

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

export const NORMALIZATION_MAPPERS: Readonly<Record<string, Mapper>> = {
  BatchNormalization: batchNormalization,
  Rescaling: rescaling,
  Normalization: normalization,
};
