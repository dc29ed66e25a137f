import { windowOutput } from '../../ops/window.ts';
import { param, perAxisParam } from './config.ts';
import {
  activationOf,
  flag,
  refuse,
  type Emitted,
  type MapContext,
  type Mapped,
  type PendingPad,
} from './emitted.ts';
import { weightsOf } from './map-core.ts';

type Mapper = (ctx: MapContext) => Mapped;

/** Refuses what Minnow's windows do not do: channels-first data, dilation, causal padding, groups. */
export function checkWindow(ctx: MapContext, axes: number): void {
  const c = ctx.node.config;
  if (param(c, 'data_format') === 'channels_first') {
    throw refuse(
      ctx.node,
      'it reads channels-first data.',
      'Minnow is channels-last (as tfjs): export the model with data_format="channels_last".',
    );
  }
  const dilation = perAxisParam(c, 'dilation_rate', axes, 1);
  if (Array.isArray(dilation) && dilation.some((d) => d !== 1)) {
    throw refuse(
      ctx.node,
      `its dilation_rate is ${JSON.stringify(dilation)}.`,
      'Minnow runs undilated windows; use a larger kernel or a pooling layer before it.',
    );
  }
  if (param(c, 'padding') === 'causal') {
    throw refuse(ctx.node, 'it uses causal padding.', 'Use padding "valid" or "same".');
  }
  const groups = param(c, 'groups') ?? 1;
  if (groups !== 1)
    throw refuse(
      ctx.node,
      `it is a grouped convolution (groups ${String(groups)}).`,
      'Use a DepthwiseConv2D followed by a 1x1 Conv2D instead.',
    );
}

/** tfjs "same" padding of one axis: floor(total / 2) before and the rest after (docs/FORMAT.md F-46). */
function samePads(size: number, window: number, stride: number): [number, number] {
  const out = windowOutput(size, window, stride, 'same');
  const total = Math.max((out - 1) * stride + window - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/**
 * The input and padding of a window layer. A ZeroPadding2D in front of a "valid" convolution folds into it
 * when it pads exactly as "same" would (as Keras's MobileNets do before each stride-2 convolution).
 */
function windowInput(
  ctx: MapContext,
  kernel: readonly number[],
  strides: readonly number[],
): { inputs: readonly string[]; padding: unknown } {
  const padding = param(ctx.node.config, 'padding') ?? 'valid';
  const pad = ctx.pad;
  if (!pad) return { inputs: ctx.inputs, padding };
  // With a padding in front, shapes[0] is the shape before padding.
  const unpadded = ctx.shapes[0] ?? [];
  const fits =
    padding === 'valid' &&
    kernel.every((k, i) => {
      const [before, after] = samePads(unpadded[i] ?? 0, k, strides[i] ?? 1);
      return pad.pads[i]?.[0] === before && pad.pads[i]?.[1] === after;
    });
  if (!fits) throw unfoldable(pad);
  ctx.note(
    `ZeroPadding2D "${pad.node.name}" was folded into "${ctx.node.name}" as padding "same" (the same zeros, the same outputs).`,
  );
  return { inputs: [pad.source], padding: 'same' };
}

export function unfoldable(pad: PendingPad): Error {
  return refuse(
    pad.node,
    'Minnow has no padding layer, and this padding is not the one "same" padding of the convolution after it would add.',
    'Remove the ZeroPadding2D and give the next Conv2D or DepthwiseConv2D padding "same".',
  );
}

function conv(type: 'Conv2D' | 'Conv1D', axes: number): Mapper {
  return (ctx) => {
    checkWindow(ctx, axes);
    const c = ctx.node.config;
    const kernelSize = perAxisParam(c, 'kernel_size', axes) as number[];
    const strides = perAxisParam(c, 'strides', axes, 1) as number[];
    const { inputs, padding } = windowInput(ctx, kernelSize, strides);
    const useBias = flag(ctx.node, 'use_bias', true);
    const params = {
      filters: param(c, 'filters'),
      kernelSize,
      strides,
      padding,
      activation: activationOf(ctx.node),
      useBias,
    };
    const weights = weightsOf(ctx, useBias ? ['kernel', 'bias'] : ['kernel']);
    return [{ id: ctx.node.name, type, inputs, params, weights }];
  };
}

const depthwise: Mapper = (ctx) => {
  checkWindow(ctx, 2);
  const c = ctx.node.config;
  const kernelSize = perAxisParam(c, 'kernel_size', 2) as number[];
  const strides = perAxisParam(c, 'strides', 2, 1) as number[];
  const { inputs, padding } = windowInput(ctx, kernelSize, strides);
  const useBias = flag(ctx.node, 'use_bias', true);
  const params = {
    kernelSize,
    strides,
    padding,
    depthMultiplier: param(c, 'depth_multiplier') ?? 1,
    activation: activationOf(ctx.node),
    useBias,
  };
  const weights = weightsOf(ctx, useBias ? ['depthwise_kernel', 'bias'] : ['depthwise_kernel']);
  return [{ id: ctx.node.name, type: 'DepthwiseConv2D', inputs, params, weights }];
};

/** SeparableConv2D is a depthwise convolution then a 1x1 convolution; Minnow runs the two as two layers. */
const separable: Mapper = (ctx) => {
  const c = ctx.node.config;
  const depthwiseNode = { ...ctx.node, config: { ...c, use_bias: false, activation: 'linear' } };
  const [dw] = depthwise({ ...ctx, node: depthwiseNode }) as Emitted[];
  const useBias = flag(ctx.node, 'use_bias', true);
  const depthwiseId = `${ctx.node.name}_depthwise`;
  const pointwise: Emitted = {
    id: ctx.node.name,
    type: 'Conv2D',
    inputs: [depthwiseId],
    params: { filters: param(c, 'filters'), kernelSize: [1, 1], activation: activationOf(ctx.node), useBias },
    weights: { kernel: ctx.weight('pointwise_kernel'), ...(useBias ? { bias: ctx.weight('bias') } : {}) },
  };
  ctx.note(
    `SeparableConv2D "${ctx.node.name}" became a DepthwiseConv2D "${depthwiseId}" and a 1x1 Conv2D "${ctx.node.name}" (the same computation).`,
  );
  return [{ ...(dw as Emitted), id: depthwiseId }, pointwise];
};

/** [[top, bottom], [left, right]] from Keras's `1`, `[1, 2]` or `[[0, 1], [0, 1]]`. */
function pads(raw: unknown): (readonly [number, number])[] | undefined {
  const pair = (v: unknown): [number, number] | undefined =>
    typeof v === 'number'
      ? [v, v]
      : Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')
        ? [v[0] as number, v[1] as number]
        : undefined;
  const both = typeof raw === 'number' ? [raw, raw] : raw;
  if (!Array.isArray(both) || both.length !== 2) return undefined;
  const out = both.map(pair);
  return out.every((p) => p && p.every((x) => Number.isInteger(x) && x >= 0))
    ? (out as [number, number][])
    : undefined;
}

const zeroPadding: Mapper = (ctx) => {
  checkWindow(ctx, 2);
  const p = pads(param(ctx.node.config, 'padding') ?? 1);
  if (!p) throw refuse(ctx.node, 'its padding is not two pairs of whole numbers.', 'Export the model again.');
  const [source = 'input'] = ctx.inputs;
  return { pad: { node: ctx.node, source, pads: p } };
};

export const CONV_MAPPERS: Readonly<Record<string, Mapper>> = {
  Conv2D: conv('Conv2D', 2),
  Conv1D: conv('Conv1D', 1),
  DepthwiseConv2D: depthwise,
  SeparableConv2D: separable,
  ZeroPadding2D: zeroPadding,
};
