import { param, perAxisParam } from './config.ts';
import { flag, refuse, type Emitted, type MapContext } from './emitted.ts';
import { checkWindow, unfoldable } from './map-conv.ts';
import { one } from './map-core.ts';

type Mapper = (ctx: MapContext) => readonly Emitted[];

function pooling(type: string, axes: number): Mapper {
  return (ctx) => {
    checkWindow(ctx, axes);
    if (ctx.pad) throw unfoldable(ctx.pad);
    const c = ctx.node.config;
    const poolSize = perAxisParam(c, 'pool_size', axes, 2);
    const strides = perAxisParam(c, 'strides', axes) ?? poolSize;
    return one(ctx, type, { poolSize, strides, padding: param(c, 'padding') ?? 'valid' });
  };
}

/** A global pooling's window checks; one that keeps the pooled axes is refused with `fix`. */
function checkGlobal(ctx: MapContext, axes: 1 | 2, fix: string): void {
  checkWindow(ctx, axes);
  if (flag(ctx.node, 'keepdims', false)) throw refuse(ctx.node, 'it keeps the pooled axes (keepdims).', fix);
}

function globalAverage(axes: 1 | 2): Mapper {
  return (ctx) => {
    checkGlobal(ctx, axes, 'Use it without keepdims, then a Reshape if the shape matters.');
    if (axes === 2) return one(ctx, 'GlobalAveragePooling2D', {});
    // A sequence [steps, channels] averaged over its steps is the image [steps, 1, channels] averaged.
    const [steps = 0, channels = 0] = ctx.shapes[0] ?? [];
    const reshapeId = `${ctx.node.name}_as_image`;
    ctx.note(
      `GlobalAveragePooling1D "${ctx.node.name}" became a Reshape to [${steps}, 1, ${channels}] and a GlobalAveragePooling2D.`,
    );
    return [
      { id: reshapeId, type: 'Reshape', inputs: ctx.inputs, params: { targetShape: [steps, 1, channels] } },
      { id: ctx.node.name, type: 'GlobalAveragePooling2D', inputs: [reshapeId], params: {} },
    ];
  };
}

/** A global max pooling is a max pooling whose window is the whole input, then a Flatten of the 1-sized axes. */
function globalMax(axes: 1 | 2): Mapper {
  return (ctx) => {
    checkGlobal(ctx, axes, `Use MaxPooling${axes}D with the whole input as its pool size.`);
    const poolSize = (ctx.shapes[0] ?? []).slice(0, axes);
    const poolId = `${ctx.node.name}_pool`;
    ctx.note(
      `${ctx.node.className} "${ctx.node.name}" became a MaxPooling${axes}D over the whole input ("${poolId}") and a Flatten.`,
    );
    return [
      { id: poolId, type: `MaxPooling${axes}D`, inputs: ctx.inputs, params: { poolSize, strides: poolSize } },
      { id: ctx.node.name, type: 'Flatten', inputs: [poolId], params: {} },
    ];
  };
}

/** AveragePooling1D over [steps, channels] is AveragePooling2D over the image [steps, 1, channels]. */
const averagePooling1d: Mapper = (ctx) => {
  checkWindow(ctx, 1);
  const c = ctx.node.config;
  const [pool = 2] = perAxisParam(c, 'pool_size', 1, 2) as number[];
  const [stride = pool] = (perAxisParam(c, 'strides', 1) as number[] | undefined) ?? [pool];
  const [steps = 0, channels = 0] = ctx.shapes[0] ?? [];
  const [imageId, poolId] = [`${ctx.node.name}_as_image`, `${ctx.node.name}_pool`];
  ctx.note(
    `AveragePooling1D "${ctx.node.name}" became an AveragePooling2D over the sequence seen as a [${steps}, 1, ${channels}] image, between two Reshapes.`,
  );
  return [
    { id: imageId, type: 'Reshape', inputs: ctx.inputs, params: { targetShape: [steps, 1, channels] } },
    {
      id: poolId,
      type: 'AveragePooling2D',
      inputs: [imageId],
      params: { poolSize: [pool, 1], strides: [stride, 1], padding: param(c, 'padding') ?? 'valid' },
    },
    { id: ctx.node.name, type: 'Reshape', inputs: [poolId], params: { targetShape: [-1, channels] } },
  ];
};

export const POOLING_MAPPERS: Readonly<Record<string, Mapper>> = {
  MaxPooling2D: pooling('MaxPooling2D', 2),
  MaxPooling1D: pooling('MaxPooling1D', 1),
  AveragePooling2D: pooling('AveragePooling2D', 2),
  GlobalAveragePooling2D: globalAverage(2),
  GlobalAveragePooling1D: globalAverage(1),
  GlobalMaxPooling2D: globalMax(2),
  GlobalMaxPooling1D: globalMax(1),
  AveragePooling1D: averagePooling1d,
};
